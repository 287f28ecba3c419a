package dev.sluice.sql;

import dev.sluice.schema.DataType;

/**
 * {@code (SELECT ...)} used as a single value.
 *
 * @param query the subquery, selecting one value
 * @param type  the value's type
 * @param <T> the Java type
 */
public record ScalarSubquery<T>(SelectQuery query, DataType<T> type) implements Expr<T> {
  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitScalarSubquery(this, ctx); }
}
