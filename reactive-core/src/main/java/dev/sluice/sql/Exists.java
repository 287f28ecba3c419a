package dev.sluice.sql;

/**
 * {@code [NOT] EXISTS (SELECT ...)}.
 *
 * @param query   the subquery
 * @param negated true for NOT EXISTS
 */
public record Exists(SelectQuery query, boolean negated) implements Condition {
  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitExists(this, ctx); }
}
