package dev.sluice.dialect.postgres;

import dev.sluice.schema.SqlKind;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Expr;

/** PostgreSQL's reads through r2dbc-vertx: JSON values handed back as their text. */
class VertxPostgresSelects extends PostgresSelects {

  VertxPostgresSelects(StandardDialect dialect) {
    super(dialect);
  }

  /**
   * A {@code json} or {@code jsonb} value of the outermost SELECT or of {@code RETURNING} as its
   * text: {@code CAST(value AS text) || ''}. The concatenation takes away the column's name from the
   * result (Sluice reads values by position), so an {@code ORDER BY "profile"} still orders by the
   * JSON column, not by its text, which PostgreSQL would pick for a result column of that name.
   */
  @Override protected void appendSelectItem(Expr<?> item, RenderContext ctx) {
    SqlKind kind = item.dataType().kind();
    if (ctx.depth() > 0 || kind != SqlKind.JSON && kind != SqlKind.JSONB) {
      super.appendSelectItem(item, ctx);
      return;
    }
    ctx.sql("CAST(");
    super.appendSelectItem(item, ctx);
    ctx.sql(" AS text) || ''");
  }
}
