package dev.sluice.spi;

import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Upsert;

/**
 * {@code INSERT ... ON CONFLICT ("k") DO NOTHING} or {@code ... DO UPDATE SET "c" = EXCLUDED."c"}
 * (PostgreSQL, CockroachDB, SQLite).
 */
public class OnConflictUpsert extends UpsertStrategy {

  public OnConflictUpsert(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendConflictClause(InsertQuery node, RenderContext ctx) {
    Upsert u = node.upsert();
    ctx.sql(" ON CONFLICT (").sql(names(u.conflict())).sql(")");
    if (u.doNothing()) {
      ctx.sql(" DO NOTHING");
      return;
    }
    ctx.sql(" DO UPDATE SET ");
    for (int i = 0; i < u.update().size(); i++) {
      String c = quote(u.update().get(i).name());
      ctx.sql(i > 0 ? ", " : "").sql(c).sql(" = EXCLUDED.").sql(c);
    }
  }
}
