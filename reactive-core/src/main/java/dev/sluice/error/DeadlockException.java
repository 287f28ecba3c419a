package dev.sluice.error;

/** The database broke a deadlock by aborting this transaction; retry the transaction. */
public class DeadlockException extends ConcurrencyFailureException {
  public DeadlockException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
