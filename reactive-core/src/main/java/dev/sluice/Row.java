package dev.sluice;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Column;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Table;
import dev.sluice.sql.Expr;
import java.util.List;

/**
 * A result row read by column, for queries whose shape is not a single record:
 * {@code row.get(CITIES.name)}, {@code row.into(USERS)}.
 */
public final class Row {
  private final List<Expr<?>> exprs;
  private final List<String> names;
  private final Object[] values;

  /** A row of values (already converted to Java types), aligned with the selected expressions. */
  public Row(List<Expr<?>> exprs, Object[] values) {
    this.exprs = exprs;
    this.names = null;
    this.values = values;
  }

  private Row(List<String> names, Object[] values, boolean byName) {
    this.exprs = null;
    this.names = names;
    this.values = values;
  }

  /**
   * A row of a raw SQL query: values as the driver returned them, known by their column labels.
   * {@link #get(String, Class)} and {@link #get(Column)} find them by name, ignoring case.
   */
  public static Row named(List<String> names, Object[] values) {
    return new Row(List.copyOf(names), values, true);
  }

  /** The value of a selected column (in a raw query's row: the column of the same name). */
  public <T> T get(Column<T> column) {
    Object v = values[indexOf(column)];
    return names == null ? column.dataType().javaType().cast(v) : RawValues.convert(v, column.dataType());
  }

  /**
   * The value of the column labelled {@code name} (ignoring case), as {@code type}; numbers are
   * converted to the asked type when they fit.
   */
  public <T> T get(String name, Class<T> type) {
    return RawValues.as(values[indexOfName(name)], type, name);
  }

  /** The value at a 0-based position, as {@code type}. */
  public <T> T get(int index, Class<T> type) {
    return type.cast(values[index]);
  }

  /** The number of values. */
  public int size() { return values.length; }

  /**
   * The columns of {@code table} as its row record; null when every one of them is null (the
   * unmatched side of an outer join).
   */
  public <R> R into(Table<R> table) {
    RecordMapping<R> m = table.meta().rowMapping();
    if (m == null) {
      throw new MappingException("Table " + table.name() + " has no record row type");
    }
    Object[] args = new Object[m.columns().size()];
    boolean any = false;
    for (int i = 0; i < args.length; i++) {
      args[i] = values[indexOf(m.columns().get(i))];
      any |= args[i] != null;
    }
    return any ? m.newInstance(args) : null;
  }

  private int indexOf(Column<?> column) {
    if (names != null) {
      return indexOfName(column.name());
    }
    for (int i = 0; i < exprs.size(); i++) {
      if (exprs.get(i) instanceof dev.sluice.sql.ColumnExpr<?> c && c.column().equals(column)) {
        return i;
      }
    }
    throw new MappingException("Column " + column + " is not part of this row");
  }

  private int indexOfName(String name) {
    List<String> labels = names;
    if (labels == null) {
      labels = new java.util.ArrayList<>(exprs.size());
      for (Expr<?> e : exprs) {
        labels.add(e instanceof dev.sluice.sql.ColumnExpr<?> c ? c.column().name() : "");
      }
    }
    int found = -1;
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equalsIgnoreCase(name)) {
        if (found >= 0) {
          throw new MappingException("Column name " + name + " is ambiguous in this row: " + labels);
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new MappingException("Column " + name + " is not part of this row: " + labels);
    }
    return found;
  }

  @Override public String toString() { return "Row" + java.util.Arrays.toString(values); }
}
