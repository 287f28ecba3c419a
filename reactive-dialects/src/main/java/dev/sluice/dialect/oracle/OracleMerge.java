package dev.sluice.dialect.oracle;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.UpsertStrategy;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Upsert;
import java.util.List;

/** Oracle's upsert: a MERGE whose new rows come from {@code DUAL}. */
class OracleMerge extends UpsertStrategy {

  OracleMerge(StandardDialect dialect) {
    super(dialect);
  }

  /**
   * Oracle's MERGE reads the new rows from {@code DUAL} (no {@code VALUES} table constructor before
   * 23ai, no {@code AS} before a table alias):
   * {@code MERGE INTO "t" USING (SELECT ? "a", ? "b" FROM DUAL UNION ALL SELECT ?, ? FROM DUAL)
   * "excluded" ON ("t"."k" = "excluded"."k") WHEN MATCHED THEN UPDATE SET "t"."b" = "excluded"."b"
   * WHEN NOT MATCHED THEN INSERT ("a", "b") VALUES ("excluded"."a", "excluded"."b")}.
   */
  @Override protected void appendUpsert(InsertQuery node, RenderContext ctx) {
    Upsert u = node.upsert();
    if (!node.returning().isEmpty()) {
      throw new UnsupportedByDialectException("RETURNING from an upsert (MERGE)", name());
    }
    String t = quote(node.table().name());
    String ex = quote("excluded");
    ctx.sql("MERGE INTO ").sql(qualifiedName(node.table())).sql(" USING (");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? " UNION ALL SELECT " : "SELECT ");
      List<Expr<?>> row = node.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        ctx.sql(c > 0 ? ", " : "");
        visit(row.get(c), ctx);
        if (r == 0) {
          ctx.sql(' ').identifier(node.columns().get(c).name());
        }
      }
      ctx.sql(" FROM DUAL");
    }
    ctx.sql(") ").sql(ex).sql(" ON (");
    for (int i = 0; i < u.conflict().size(); i++) {
      String c = quote(u.conflict().get(i).name());
      ctx.sql(i > 0 ? " AND " : "").sql(t).sql('.').sql(c).sql(" = ").sql(ex).sql('.').sql(c);
    }
    ctx.sql(')');
    if (!u.doNothing()) {
      ctx.sql(" WHEN MATCHED THEN UPDATE SET ");
      for (int i = 0; i < u.update().size(); i++) {
        String c = quote(u.update().get(i).name());
        ctx.sql(i > 0 ? ", " : "").sql(t).sql('.').sql(c).sql(" = ").sql(ex).sql('.').sql(c);
      }
    }
    ctx.sql(" WHEN NOT MATCHED THEN INSERT (");
    for (int i = 0; i < node.columns().size(); i++) {
      ctx.sql(i > 0 ? ", " : "").identifier(node.columns().get(i).name());
    }
    ctx.sql(") VALUES (");
    for (int i = 0; i < node.columns().size(); i++) {
      ctx.sql(i > 0 ? ", " : "").sql(ex).sql('.').identifier(node.columns().get(i).name());
    }
    ctx.sql(')');
  }
}
