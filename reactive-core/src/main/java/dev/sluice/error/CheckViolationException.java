package dev.sluice.error;

/** A CHECK constraint was violated. */
public class CheckViolationException extends ConstraintViolationException {
  public CheckViolationException(String message, Throwable cause, String sql, String table, String column,
      String constraint) {
    super(message, cause, sql, table, column, constraint);
  }
}
