package dev.sluice.sql;

import dev.sluice.schema.DataType;
import java.util.Objects;

/**
 * A SELECT-list value given an output name: {@code expr AS "alias"}. Used where the outer query
 * reads a nested query's values by name (a derived table in FROM).
 *
 * @param expr  the value
 * @param alias the output name
 * @param <T> the Java type
 */
public record Aliased<T>(Expr<T> expr, String alias) implements Expr<T> {
  public Aliased {
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(alias, "alias");
  }

  @Override public DataType<T> dataType() { return expr.dataType(); }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitAliased(this, ctx); }
}
