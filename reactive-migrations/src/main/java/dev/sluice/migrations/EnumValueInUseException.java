package dev.sluice.migrations;

/**
 * A migration or push would remove an enum label that rows still hold: refused before any of its
 * statements ran. Names the table, the column, the label and how many rows hold it.
 */
public class EnumValueInUseException extends MigrationException {
  private final String table;
  private final String column;
  private final String label;
  private final long rows;

  public EnumValueInUseException(String table, String column, String label, long rows) {
    super("Cannot remove enum value '" + label + "': " + rows + " row(s) of " + table + "." + column
        + " hold it; update or delete them first (nothing was changed)");
    this.table = table;
    this.column = column;
    this.label = label;
    this.rows = rows;
  }

  /** The table whose rows hold the label. */
  public String table() { return table; }

  /** The column that holds it. */
  public String column() { return column; }

  /** The label that would be removed. */
  public String label() { return label; }

  /** How many rows hold it. */
  public long rows() { return rows; }
}
