package dev.sluice.dialect.mssql;

import dev.sluice.schema.Column;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import dev.sluice.sql.InsertQuery;
import java.util.List;

/**
 * T-SQL's writes: returned columns as an {@code OUTPUT} clause in the middle of the statement
 * ({@code INSERT INTO t (cols) OUTPUT INSERTED.c VALUES (...)}, {@code UPDATE t SET ... OUTPUT
 * INSERTED.c WHERE ...}, {@code DELETE FROM t OUTPUT DELETED.c WHERE ...}), and several default rows
 * through a MERGE.
 */
class SqlServerWrites extends WriteRenderer {

  SqlServerWrites(StandardDialect dialect) {
    super(dialect);
  }

  /** Several rows that name no column (and no upsert) go through {@link #mergeDefaultRows}. */
  @Override protected void appendInsert(InsertQuery node, RenderContext ctx) {
    if (node.columns().isEmpty() && node.rows().size() > 1 && node.upsert() == null) {
      mergeDefaultRows(node, ctx);
    } else {
      super.appendInsert(node, ctx);
    }
  }

  /** One row that names no column is {@code DEFAULT VALUES}; several go through {@link #mergeDefaultRows}. */
  @Override protected void appendDefaultRows(InsertQuery node, RenderContext ctx) {
    if (node.rows().size() > 1) {
      throw new IllegalStateException("rendered by mergeDefaultRows");
    }
    ctx.sql(" DEFAULT VALUES");
  }

  /**
   * Several rows that name no column: T-SQL allows neither {@code DEFAULT} for an identity column nor
   * several rows of {@code DEFAULT VALUES}, but a MERGE that matches nothing inserts one default row
   * per source row: {@code MERGE INTO [t] USING (VALUES (1), (1)) AS [s] ([n]) ON 1 = 0 WHEN NOT
   * MATCHED THEN INSERT DEFAULT VALUES OUTPUT INSERTED.[id];}.
   */
  private void mergeDefaultRows(InsertQuery node, RenderContext ctx) {
    ctx.sql("MERGE INTO ").table(node.table()).sql(" USING (VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (1)" : "(1)");
    }
    ctx.sql(") AS ").identifier("s").sql(" (").identifier("n")
        .sql(") ON 1 = 0 WHEN NOT MATCHED THEN INSERT DEFAULT VALUES");
    appendOutput(node.returning(), "INSERTED", ctx);
    ctx.sql(';');
  }

  /** {@code OUTPUT INSERTED.c, ...} (or {@code DELETED.}), where the statement takes it. */
  @Override protected void appendOutput(List<Column<?>> returning, String pseudoTable, RenderContext ctx) {
    if (returning.isEmpty()) {
      return;
    }
    ctx.sql(" OUTPUT ");
    for (int i = 0; i < returning.size(); i++) {
      ctx.sql(i > 0 ? ", " : "").sql(pseudoTable).sql(".").identifier(returning.get(i).name());
    }
  }

  /** Nothing at the end: the returned columns went into the {@code OUTPUT} clause. */
  @Override protected void appendReturning(List<Column<?>> returning, RenderContext ctx) {
  }
}
