package dev.sluice.sql;

import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;

/**
 * A reference to a column.
 *
 * @param column the column
 * @param <T> the column's Java type
 */
public record ColumnExpr<T>(Column<T> column) implements Expr<T> {
  @Override public DataType<T> dataType() { return column.dataType(); }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitColumn(this, ctx); }
}
