package dev.sluice;

/**
 * The root of every error Sluice raises. Unchecked. When a statement failed, {@link #sql()} names
 * it; bound values appear in the message only when the database was built to reveal them.
 */
public class SluiceException extends RuntimeException {
  private final String sql;

  public SluiceException(String message) {
    this(message, null, null);
  }

  public SluiceException(String message, Throwable cause) {
    this(message, cause, null);
  }

  public SluiceException(String message, Throwable cause, String sql) {
    super(message, cause);
    this.sql = sql;
  }

  /** The SQL of the failed statement, or null when the error did not come from one. */
  public String sql() { return sql; }
}
