package dev.sluice.error;

/**
 * The transaction lost a conflict with another one (a serialization failure, a deadlock, a lock it
 * could not get). Running the whole transaction again may succeed, which is what
 * {@link dev.sluice.RetryPolicy#onTransientFailures(int, java.time.Duration)} does.
 */
public class ConcurrencyFailureException extends TransientDataException {
  public ConcurrencyFailureException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
