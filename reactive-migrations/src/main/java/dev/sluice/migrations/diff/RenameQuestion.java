package dev.sluice.migrations.diff;

import java.util.List;

/**
 * An ambiguous drop-and-create pair: is {@code newName} new, or one of {@code candidates} renamed?
 * For a column, {@code table} is the table's new name; for a table it is null.
 *
 * @param table      the table of a column question, or null for a table question
 * @param newName    the name only the new schema has
 * @param candidates the names only the old schema has, any of which it may be renamed from
 */
public record RenameQuestion(String table, String newName, List<String> candidates) {
  public RenameQuestion {
    candidates = List.copyOf(candidates);
  }

  /** True for a column question. */
  public boolean isColumn() { return table != null; }

  /** How the question reads: {@code column users.name: renamed from one of [full_name], or new?}. */
  @Override public String toString() {
    return (isColumn() ? "column " + table + "." + newName : "table " + newName)
        + ": renamed from one of " + candidates + ", or new?"
        + " (answer with --rename " + (isColumn() ? table + "." : "") + "<old>:" + newName + ")";
  }
}
