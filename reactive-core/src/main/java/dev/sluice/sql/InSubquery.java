package dev.sluice.sql;

/**
 * {@code expr [NOT] IN (SELECT ...)}.
 *
 * @param expr    the tested value
 * @param query   the subquery selecting one column
 * @param negated true for NOT IN
 */
public record InSubquery(Expr<?> expr, SelectQuery query, boolean negated) implements Condition {
  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitInSubquery(this, ctx); }
}
