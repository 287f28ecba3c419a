package dev.sluice.error;

/**
 * A database error that fits no other Sluice type. {@link #sqlState()} and {@link #vendorCode()}
 * carry what the database said, so a caller can still tell errors apart.
 */
public class UncategorizedDatabaseException extends NonTransientDataException {
  public UncategorizedDatabaseException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
