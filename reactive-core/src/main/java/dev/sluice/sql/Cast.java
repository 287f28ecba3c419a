package dev.sluice.sql;

import dev.sluice.schema.DataType;

/**
 * {@code CAST(expr AS type)}.
 *
 * @param value the value
 * @param type the target type
 * @param <T> the Java target type
 */
public record Cast<T>(Expr<?> value, DataType<T> type) implements Expr<T> {
  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitCast(this, ctx); }
}
