package dev.sluice;

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
  private final Object[] values;

  /** A row of values (already converted to Java types), aligned with the selected expressions. */
  public Row(List<Expr<?>> exprs, Object[] values) {
    this.exprs = exprs;
    this.values = values;
  }

  /** The value of a selected column. */
  public <T> T get(Column<T> column) {
    return column.dataType().javaType().cast(values[indexOf(column)]);
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
    for (int i = 0; i < exprs.size(); i++) {
      if (exprs.get(i) instanceof dev.sluice.sql.ColumnExpr<?> c && c.column().equals(column)) {
        return i;
      }
    }
    throw new MappingException("Column " + column + " is not part of this row");
  }

  @Override public String toString() { return "Row" + java.util.Arrays.toString(values); }
}
