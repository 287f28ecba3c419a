package dev.sluice.dialect.oracle;

import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.UpdateQuery;

/** Oracle's writes: no {@code UPDATE ... FROM}, no {@code DEFAULT VALUES}. */
class OracleWrites extends WriteRenderer {

  OracleWrites(StandardDialect dialect) {
    super(dialect);
  }

  /** Oracle has no UPDATE ... FROM: values and filter become correlated subqueries. */
  @Override protected void appendUpdateFrom(UpdateQuery node, RenderContext ctx) {
    appendUpdateFromAsSubqueries(node, ctx);
  }

  /**
   * Oracle has no {@code DEFAULT VALUES}: even one row names the first column,
   * {@code INSERT INTO "t" ("id") VALUES (DEFAULT)}, and several rows repeat {@code (DEFAULT)}.
   */
  @Override protected void appendDefaultRows(InsertQuery node, RenderContext ctx) {
    appendDefaultKeywordRows(node, ctx);
  }
}
