package dev.sluice.observe;

/** What kind of statement a {@link StatementEvent} is; a low-cardinality tag for metrics. */
public enum Operation {
  SELECT, INSERT, UPDATE, DELETE,
  /** A raw statement ({@code db.sql(...)}), unless it declared itself a read. */
  RAW,
  /** Schema statements run by Sluice ({@code createTables}, migrations). */
  DDL;

  /** The lower-case name, as a tag value. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
