package dev.sluice.spi;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Upsert;

/**
 * An upsert as standard {@code MERGE}: {@code MERGE INTO t USING (VALUES (...), ...) AS s (cols)
 * ON (t.k = s.k) WHEN MATCHED THEN UPDATE SET c = s.c WHEN NOT MATCHED THEN INSERT (cols) VALUES
 * (s.cols)} (H2, SQL Server; Oracle's own form). A MERGE returns no rows.
 */
public class MergeUpsert extends UpsertStrategy {

  public MergeUpsert(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendUpsert(InsertQuery node, RenderContext ctx) {
    Upsert u = node.upsert();
    if (!node.returning().isEmpty()) {
      throw new UnsupportedByDialectException("RETURNING from an upsert (MERGE)", name());
    }
    String t = quote(node.table().name());
    ctx.sql("MERGE INTO ").sql(qualifiedName(node.table())).sql(" USING (VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (" : "(");
      list(node.rows().get(r), ctx);
      ctx.sql(')');
    }
    ctx.sql(") AS ").sql(quote("excluded")).sql(" (").sql(names(node.columns())).sql(") ON (");
    for (int i = 0; i < u.conflict().size(); i++) {
      String c = quote(u.conflict().get(i).name());
      ctx.sql(i > 0 ? " AND " : "").sql(t).sql('.').sql(c).sql(" = ").sql(quote("excluded"))
          .sql('.').sql(c);
    }
    ctx.sql(')');
    if (!u.doNothing()) {
      ctx.sql(" WHEN MATCHED THEN UPDATE SET ");
      for (int i = 0; i < u.update().size(); i++) {
        String c = quote(u.update().get(i).name());
        ctx.sql(i > 0 ? ", " : "").sql(c).sql(" = ").sql(quote("excluded")).sql('.').sql(c);
      }
    }
    ctx.sql(" WHEN NOT MATCHED THEN INSERT (").sql(names(node.columns())).sql(") VALUES (");
    for (int i = 0; i < node.columns().size(); i++) {
      ctx.sql(i > 0 ? ", " : "").sql(quote("excluded")).sql('.').sql(quote(node.columns().get(i).name()));
    }
    ctx.sql(')');
  }
}
