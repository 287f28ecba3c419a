package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.Objects;

/**
 * A bound value. It is always sent as a bind parameter, never written into the SQL text.
 *
 * <p>Equality is a record's: the value and the type (an array value by identity, as a record
 * compares its components). The render cache does not use it: it keys statements by their shape
 * without their values, so two queries that differ only in their bound values still share one
 * cached rendering.
 *
 * @param value the Java value (may be null)
 * @param type  its SQL type
 * @param <T> the Java type
 */
public record Param<T>(T value, DataType<T> type) implements Expr<T> {
  public Param {
    Objects.requireNonNull(type, "type");
  }

  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitParam(this, ctx); }

  @Override public String toString() { return "Param[" + type.kind() + "]"; }
}
