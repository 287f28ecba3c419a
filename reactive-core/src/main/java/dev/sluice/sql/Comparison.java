package dev.sluice.sql;

/**
 * {@code left op right}.
 *
 * @param left  left operand
 * @param op    the operator
 * @param right right operand
 */
public record Comparison(Expr<?> left, CompareOp op, Expr<?> right) implements Condition {
  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitComparison(this, ctx); }
}
