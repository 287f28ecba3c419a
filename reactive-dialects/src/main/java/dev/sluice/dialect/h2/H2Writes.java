package dev.sluice.dialect.h2;

import dev.sluice.schema.Column;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.UpdateQuery;
import java.util.List;

/**
 * H2's writes. H2 has no RETURNING clause: a write with returned columns is read from its data change
 * delta table, {@code SELECT cols FROM FINAL TABLE (INSERT ... | UPDATE ...)} and
 * {@code SELECT cols FROM OLD TABLE (DELETE ...)}; and no {@code UPDATE ... FROM}.
 */
class H2Writes extends WriteRenderer {

  H2Writes(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendInsert(InsertQuery node, RenderContext ctx) {
    deltaTable(node.returning(), "FINAL", ctx);
    super.appendInsert(node, ctx);
    close(node.returning(), ctx);
  }

  @Override protected void appendUpdate(UpdateQuery node, RenderContext ctx) {
    deltaTable(node.returning(), "FINAL", ctx);
    super.appendUpdate(node, ctx);
    close(node.returning(), ctx);
  }

  /** H2 has no UPDATE ... FROM: values and filter become correlated subqueries. */
  @Override protected void appendUpdateFrom(UpdateQuery node, RenderContext ctx) {
    appendUpdateFromAsSubqueries(node, ctx);
  }

  @Override protected void appendDelete(DeleteQuery node, RenderContext ctx) {
    deltaTable(node.returning(), "OLD", ctx);
    super.appendDelete(node, ctx);
    close(node.returning(), ctx);
  }

  private void deltaTable(List<Column<?>> returning, String which, RenderContext ctx) {
    if (returning.isEmpty()) {
      return;
    }
    ctx.sql("SELECT ");
    for (int i = 0; i < returning.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      selectItem(returning.get(i).expr(), ctx);
    }
    ctx.sql(" FROM ").sql(which).sql(" TABLE (");
  }

  private static void close(List<Column<?>> returning, RenderContext ctx) {
    if (!returning.isEmpty()) {
      ctx.sql(')');
    }
  }

  /** The returned columns are selected from the delta table around the statement. */
  @Override protected void appendReturning(List<Column<?>> returning, RenderContext ctx) {
  }
}
