package dev.sluice.sql;

/**
 * {@code expr IS [NOT] NULL}.
 *
 * @param expr    the tested value
 * @param negated true for {@code IS NOT NULL}
 */
public record NullCheck(Expr<?> expr, boolean negated) implements Condition {
  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitNullCheck(this, ctx); }
}
