package dev.sluice.sql;

/**
 * {@code expr [NOT] BETWEEN low AND high} (inclusive).
 *
 * @param expr    the tested value
 * @param low     lower bound
 * @param high    upper bound
 * @param negated true for {@code NOT BETWEEN}
 */
public record Between(Expr<?> expr, Expr<?> low, Expr<?> high, boolean negated) implements Condition {
  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitBetween(this, ctx); }
}
