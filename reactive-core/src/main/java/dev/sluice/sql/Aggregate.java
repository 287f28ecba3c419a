package dev.sluice.sql;

import dev.sluice.schema.DataType;

/**
 * An aggregate: {@code COUNT(*)}, {@code COUNT([DISTINCT] x)}, {@code SUM(x)}, {@code AVG(x)},
 * {@code MIN(x)}, {@code MAX(x)}.
 *
 * @param function the aggregate function
 * @param arg      the argument, null for {@code COUNT(*)}
 * @param distinct whether DISTINCT applies to the argument
 * @param type     the result type
 * @param <T> the Java result type
 */
public record Aggregate<T>(Function function, Expr<?> arg, boolean distinct, DataType<T> type)
    implements Expr<T> {

  /** Aggregate functions. */
  public enum Function { COUNT, SUM, AVG, MIN, MAX }

  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitAggregate(this, ctx); }
}
