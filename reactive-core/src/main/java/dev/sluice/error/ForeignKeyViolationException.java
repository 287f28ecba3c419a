package dev.sluice.error;

/** A foreign key constraint was violated. */
public class ForeignKeyViolationException extends ConstraintViolationException {
  public ForeignKeyViolationException(String message, Throwable cause, String sql, String table, String column,
      String constraint) {
    super(message, cause, sql, table, column, constraint);
  }
}
