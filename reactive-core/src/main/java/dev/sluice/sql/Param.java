package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.Objects;

/**
 * A bound value. It is always sent as a bind parameter, never written into the SQL text.
 *
 * <p>Equality looks only at the type, not the value: two queries that differ only in their bound
 * values have the same shape and share one cached rendering.
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

  @Override public boolean equals(Object o) {
    return o instanceof Param<?> p && p.type.equals(type);
  }

  @Override public int hashCode() { return type.hashCode(); }

  @Override public String toString() { return "Param[" + type.kind() + "]"; }
}
