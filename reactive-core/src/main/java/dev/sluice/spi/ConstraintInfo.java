package dev.sluice.spi;

/**
 * What a driver error says about the broken constraint; any part may be null.
 *
 * @param table      the table
 * @param column     the column
 * @param constraint the constraint name
 */
public record ConstraintInfo(String table, String column, String constraint) {
  /** Nothing known. */
  public static final ConstraintInfo NONE = new ConstraintInfo(null, null, null);
}
