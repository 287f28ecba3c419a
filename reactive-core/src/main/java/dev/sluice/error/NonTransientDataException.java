package dev.sluice.error;

/**
 * A database error that will happen again if the same statement is tried again unchanged: a
 * broken constraint, a refused value, an SQL mistake, a missing permission. The opposite of
 * {@link TransientDataException}; as Spring's {@code NonTransientDataAccessException}.
 */
public class NonTransientDataException extends SluiceException {
  public NonTransientDataException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
