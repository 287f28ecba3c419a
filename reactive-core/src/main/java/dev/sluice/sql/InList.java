package dev.sluice.sql;

import java.util.List;

/**
 * {@code expr [NOT] IN (v1, v2, ...)}. An empty list renders as a predicate that is always false
 * ({@code IN}) or always true ({@code NOT IN}).
 *
 * @param expr    the tested value
 * @param values  the candidates
 * @param negated true for {@code NOT IN}
 */
public record InList(Expr<?> expr, List<Expr<?>> values, boolean negated) implements Condition {
  public InList {
    values = List.copyOf(values);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitInList(this, ctx); }
}
