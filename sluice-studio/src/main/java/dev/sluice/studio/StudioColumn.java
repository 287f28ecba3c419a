package dev.sluice.studio;

import dev.sluice.schema.Column;
import dev.sluice.schema.SqlKind;
import java.util.Objects;

/**
 * A column as the studio knows it: its name, portable kind and size, whether it may hold NULL and
 * whether it is part of the primary key. Made from schema code by {@link StudioTable#of} or from
 * whatever describes a live database (the CLI builds them from the migrations' introspection).
 *
 * @param name       the column's name in the database (never taken from a request)
 * @param kind       the portable type family; {@code SERIAL} and {@code BIGSERIAL} count as integers
 * @param nullable   true when the column may hold NULL
 * @param primaryKey true when the column is (part of) the primary key
 * @param length     a varchar/char length, or 0 when unknown or unbounded
 * @param precision  a decimal's precision, or 0 when unknown
 * @param scale      a decimal's scale, or 0
 */
public record StudioColumn(String name, SqlKind kind, boolean nullable, boolean primaryKey, int length,
    int precision, int scale) {
  public StudioColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("A column needs a name");
    }
    if (length < 0 || precision < 0 || scale < 0) {
      throw new IllegalArgumentException("Column " + name + ": length, precision and scale are never negative");
    }
  }

  /** A column without size: {@code StudioColumn.of("name", SqlKind.TEXT, true, false)}. */
  public static StudioColumn of(String name, SqlKind kind, boolean nullable, boolean primaryKey) {
    return new StudioColumn(name, kind, nullable, primaryKey, 0, 0, 0);
  }

  /** The column of schema code, {@code primaryKey} telling whether the table's key holds it. */
  static StudioColumn of(Column<?> column, boolean primaryKey) {
    return new StudioColumn(column.name(), column.dataType().kind(), !column.isNotNull() && !primaryKey, primaryKey,
        column.dataType().length(), column.dataType().precision(), column.dataType().scale());
  }

  /**
   * True when the studio can turn text typed in the page into a value of this column exactly
   * (numbers, text, booleans, dates and times, UUIDs, bytes); JSON, enum and custom types are shown
   * but not edited or filtered, since each database binds them its own way.
   */
  public boolean editable() {
    return switch (kind) {
      case JSON, JSONB, ENUM, CUSTOM -> false;
      default -> true;
    };
  }

  /** True for the kinds a filter matches as a substring (text), rather than as an equal value. */
  public boolean textual() {
    return kind == SqlKind.VARCHAR || kind == SqlKind.CHAR || kind == SqlKind.TEXT;
  }
}
