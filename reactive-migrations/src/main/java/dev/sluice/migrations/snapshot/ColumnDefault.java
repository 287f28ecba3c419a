package dev.sluice.migrations.snapshot;

import java.util.Objects;

/**
 * A column default: a literal value ({@code 'abc'}, {@code 42}, {@code TRUE}) that each dialect
 * spells for itself, or SQL written in the schema code ({@code CURRENT_TIMESTAMP}), used verbatim.
 *
 * @param kind  what the value is
 * @param value the text of the number, the unquoted string, {@code true}/{@code false}, or the SQL
 */
public record ColumnDefault(Kind kind, String value) {
  /** What a default holds. */
  public enum Kind { STRING, NUMBER, BOOLEAN, SQL }

  public ColumnDefault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /** A SQL expression default, written by the schema's author. */
  public static ColumnDefault sql(String sql) { return new ColumnDefault(Kind.SQL, sql); }

  /** A string literal default. */
  public static ColumnDefault string(String value) { return new ColumnDefault(Kind.STRING, value); }

  /** A numeric literal default. */
  public static ColumnDefault number(String value) { return new ColumnDefault(Kind.NUMBER, value); }

  /** A boolean literal default. */
  public static ColumnDefault bool(boolean value) { return new ColumnDefault(Kind.BOOLEAN, Boolean.toString(value)); }

  @Override public String toString() { return kind == Kind.STRING ? "'" + value + "'" : value; }
}
