package dev.sluice.error;

/**
 * A statement broke an integrity constraint; nothing it tried to write was kept. Names the table,
 * column and constraint where the database reports them.
 */
public class ConstraintViolationException extends NonTransientDataException {
  private final String table;
  private final String column;
  private final String constraint;

  public ConstraintViolationException(String message, Throwable cause, String sql, String table,
      String column, String constraint) {
    super(message, cause, sql);
    this.table = table;
    this.column = column;
    this.constraint = constraint;
  }

  /** The table, or null when the database did not say. */
  public String table() { return table; }

  /** The column, or null when the database did not say. */
  public String column() { return column; }

  /** The constraint name, or null when the database did not say. */
  public String constraint() { return constraint; }
}
