package dev.sluice.sql;

/**
 * {@code NOT (condition)}.
 *
 * @param condition the negated condition
 */
public record Not(Condition condition) implements Condition {
  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitNot(this, ctx); }
}
