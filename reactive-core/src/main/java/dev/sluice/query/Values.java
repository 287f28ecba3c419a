package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Some columns of one row, each with a value of the column's type: a partial row for
 * {@link InsertInto#rows(List)}. Columns left out get their database default (a serial key, a
 * {@code DEFAULT}); no {@code null} has to be spelled out for them. Immutable: {@code set} returns a
 * new value.
 *
 * <pre>{@code
 * List<Values<User>> rows = List.of(
 *     Values.of(USERS).set(USERS.fullName, "Dan"),
 *     Values.of(USERS).set(USERS.fullName, "Ann"));
 * db.insertInto(USERS).rows(rows).execute();
 * // PostgreSQL: INSERT INTO "users" ("full_name") SELECT * FROM unnest($1::VARCHAR(256)[])
 * }</pre>
 *
 * @param <R> the row record of the table
 */
public final class Values<R> {
  private final Table<R> table;
  private final List<Column<?>> columns;
  private final List<Expr<?>> values;

  private Values(Table<R> table, List<Column<?>> columns, List<Expr<?>> values) {
    this.table = table;
    this.columns = columns;
    this.values = values;
  }

  /** No column of {@code table} yet. */
  public static <R> Values<R> of(Table<R> table) {
    return new Values<>(Objects.requireNonNull(table, "table"), List.of(), List.of());
  }

  /** These values and {@code column = value} (bound); a column may be set once. */
  public <T> Values<R> set(Column<T> column, T value) {
    return with(column, new Param<>(value, column.dataType()));
  }

  /** The table the values belong to. */
  public Table<R> table() { return table; }

  /** The columns set, in the order they were set. */
  public List<Column<?>> columns() { return columns; }

  /** The value of each column, aligned with {@link #columns()}. */
  List<Expr<?>> values() { return values; }

  /** The value set for {@code column}, or null when it was not set. */
  Expr<?> valueOf(Column<?> column) {
    int i = columns.indexOf(column);
    return i < 0 ? null : values.get(i);
  }

  /** True when {@code column} was set. */
  public boolean has(Column<?> column) { return columns.contains(column); }

  Values<R> with(Column<?> column, Expr<?> value) {
    Objects.requireNonNull(column, "column");
    if (column.table() != table) {
      throw new IllegalArgumentException("Column " + column + " does not belong to table " + table.name());
    }
    if (columns.contains(column)) {
      throw new IllegalArgumentException("Column " + column + " is set twice");
    }
    GeneratedColumns.refuseWrite(column, "an insert sets it");
    List<Column<?>> c = new ArrayList<>(columns);
    c.add(column);
    List<Expr<?>> v = new ArrayList<>(values);
    v.add(value);
    return new Values<>(table, Collections.unmodifiableList(c), Collections.unmodifiableList(v));
  }

  @Override public String toString() {
    StringBuilder s = new StringBuilder(table.name()).append('{');
    for (int i = 0; i < columns.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(columns.get(i).name());
    }
    return s.append('}').toString();
  }
}
