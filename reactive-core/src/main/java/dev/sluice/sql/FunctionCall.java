package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.List;

/**
 * A scalar function: {@code name(arg, ...)}, e.g. {@code LOWER}, {@code COALESCE}. Dialects may
 * rename functions they spell differently.
 *
 * @param name the standard function name
 * @param args the arguments
 * @param type the result type
 * @param <T> the Java result type
 */
public record FunctionCall<T>(String name, List<Expr<?>> args, DataType<T> type) implements Expr<T> {
  public FunctionCall {
    args = List.copyOf(args);
  }

  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitFunction(this, ctx); }
}
