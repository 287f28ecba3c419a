package dev.sluice.spi;

import dev.sluice.schema.Column;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Upsert;
import java.util.List;

/**
 * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)} (MySQL, MariaDB); "do nothing" sets the
 * first conflict column to itself.
 */
public class OnDuplicateKeyUpsert extends UpsertStrategy {

  public OnDuplicateKeyUpsert(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendConflictClause(InsertQuery node, RenderContext ctx) {
    Upsert u = node.upsert();
    ctx.sql(" ON DUPLICATE KEY UPDATE ");
    List<Column<?>> set = u.doNothing() ? u.conflict().subList(0, 1) : u.update();
    for (int i = 0; i < set.size(); i++) {
      String c = quote(set.get(i).name());
      ctx.sql(i > 0 ? ", " : "").sql(c).sql(" = ").sql(u.doNothing() ? c : "VALUES(" + c + ")");
    }
  }
}
