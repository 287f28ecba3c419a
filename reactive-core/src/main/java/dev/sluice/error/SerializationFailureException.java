package dev.sluice.error;

/** The database could not serialize concurrent transactions (SQLSTATE 40001); retry the transaction. */
public class SerializationFailureException extends ConcurrencyFailureException {
  public SerializationFailureException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
