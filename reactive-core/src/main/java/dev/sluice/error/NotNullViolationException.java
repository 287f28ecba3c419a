package dev.sluice.error;

/** A null went into a NOT NULL column. */
public class NotNullViolationException extends ConstraintViolationException {
  public NotNullViolationException(String message, Throwable cause, String sql, String table, String column,
      String constraint) {
    super(message, cause, sql, table, column, constraint);
  }
}
