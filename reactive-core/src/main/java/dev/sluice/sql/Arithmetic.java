package dev.sluice.sql;

import dev.sluice.schema.DataType;

/**
 * {@code left op right} for {@code + - * /}, or string concatenation.
 *
 * @param op    the operator
 * @param left  left operand
 * @param right right operand
 * @param type  the result type
 * @param <T> the Java result type
 */
public record Arithmetic<T>(Op op, Expr<?> left, Expr<?> right, DataType<T> type) implements Expr<T> {

  /** Operators. */
  public enum Op {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), CONCAT("||");

    private final String sql;

    Op(String sql) { this.sql = sql; }

    public String sql() { return sql; }
  }

  @Override public DataType<T> dataType() { return type; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitArithmetic(this, ctx); }
}
