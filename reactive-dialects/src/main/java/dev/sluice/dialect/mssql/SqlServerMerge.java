package dev.sluice.dialect.mssql;

import dev.sluice.spi.MergeUpsert;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.InsertQuery;

/** T-SQL's upsert: the standard MERGE, ended by the semicolon T-SQL requires of it. */
class SqlServerMerge extends MergeUpsert {

  SqlServerMerge(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendUpsert(InsertQuery node, RenderContext ctx) {
    super.appendUpsert(node, ctx);
    ctx.sql(';');
  }
}
