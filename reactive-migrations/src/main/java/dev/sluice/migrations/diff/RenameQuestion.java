package dev.sluice.migrations.diff;

import java.util.List;

/**
 * An ambiguous drop-and-create pair: is {@code newName} new, or one of {@code candidates} renamed?
 * For a column, {@code table} is the table's new name; for a table it is null; for an enum label,
 * {@code enumType} names the enum (and {@code table} is null).
 *
 * @param table      the table of a column question, or null
 * @param newName    the name (or label) only the new schema has
 * @param candidates the names only the old schema has, any of which it may be renamed from
 * @param enumType   the enum of a label question, or null
 */
public record RenameQuestion(String table, String newName, List<String> candidates, String enumType) {
  public RenameQuestion {
    candidates = List.copyOf(candidates);
  }

  /** A table question ({@code table} null) or a column question. */
  public RenameQuestion(String table, String newName, List<String> candidates) {
    this(table, newName, candidates, null);
  }

  /** Is label {@code newLabel} of enum {@code enumType} one of {@code candidates} renamed? */
  public static RenameQuestion enumValue(String enumType, String newLabel, List<String> candidates) {
    return new RenameQuestion(null, newLabel, candidates, enumType);
  }

  /** True for a column question. */
  public boolean isColumn() { return table != null; }

  /** True for an enum label question. */
  public boolean isEnumValue() { return enumType != null; }

  /** What the question is about: {@code column users.name}, {@code table users}, {@code value 'b' of enum mood}. */
  public String subject() {
    return isEnumValue() ? "value '" + newName + "' of enum " + enumType
        : isColumn() ? "column " + table + "." + newName : "table " + newName;
  }

  /** How the question reads: {@code column users.name: renamed from one of [full_name], or new?}. */
  @Override public String toString() {
    return subject() + ": renamed from one of " + candidates + ", or new?"
        + " (answer with --rename " + (isEnumValue() ? "enum." + enumType + "." : isColumn() ? table + "." : "")
        + "<old>:" + newName + ")";
  }
}
