package dev.sluice.error;

/**
 * A failure that may not happen again: the same work tried again later may succeed (a lost
 * conflict with another transaction, a timeout, a broken connection). The opposite of
 * {@link NonTransientDataException}; as Spring's {@code TransientDataAccessException}. Which ones
 * a {@link dev.sluice.RetryPolicy} retries by itself: the {@link ConcurrencyFailureException}s.
 */
public class TransientDataException extends SluiceException {
  public TransientDataException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }

  @Override public boolean isTransient() { return true; }
}
