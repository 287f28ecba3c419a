package dev.sluice.error;

/** A unique or primary-key constraint was violated. */
public class UniqueViolationException extends ConstraintViolationException {
  public UniqueViolationException(String message, Throwable cause, String sql, String table, String column,
      String constraint) {
    super(message, cause, sql, table, column, constraint);
  }
}
