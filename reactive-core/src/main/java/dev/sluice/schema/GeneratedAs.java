package dev.sluice.schema;

import dev.sluice.sql.Expr;

/**
 * How the database computes a generated column ({@link Column#generatedAlways}): the expression,
 * either typed (an {@link Expr} over the table's columns, rendered by each dialect) or written in
 * SQL, and whether the value is stored with the row or computed when read.
 *
 * @param sql    the expression in the database's SQL, or null when {@code expr} gives it
 * @param expr   the typed expression, or null when {@code sql} gives it
 * @param stored true for {@code STORED} (PostgreSQL's only kind), false for {@code VIRTUAL}
 */
public record GeneratedAs(String sql, Expr<?> expr, boolean stored) {
  public GeneratedAs {
    if ((sql == null) == (expr == null)) {
      throw new IllegalArgumentException("A generated column needs either SQL or a typed expression");
    }
  }

  /** The expression as written in the schema code: the SQL, or the typed expression's description. */
  public String describe() {
    return sql != null ? sql : expr.toString();
  }
}
