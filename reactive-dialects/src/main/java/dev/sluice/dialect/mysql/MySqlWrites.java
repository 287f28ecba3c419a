package dev.sluice.dialect.mysql;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.UpdateQuery;

/** MySQL's writes: the multi-table UPDATE, and empty rows for inserts that name no column. */
public class MySqlWrites extends WriteRenderer {

  protected MySqlWrites(StandardDialect dialect) {
    super(dialect);
  }

  /** The multi-table form: {@code UPDATE t, a SET t.c = v WHERE ...}. */
  @Override protected void appendUpdateFrom(UpdateQuery node, RenderContext ctx) {
    if (!node.returning().isEmpty()) {
      throw new UnsupportedByDialectException("UPDATE ... RETURNING", name());
    }
    boolean previous = ctx.qualify(true);
    ctx.sql("UPDATE ").table(node.table());
    appendFromList(node.from(), ", ", ctx);
    ctx.sql(" SET ");
    appendAssignments(node.assignments(), true, ctx);
    where(node.where(), ctx);
    ctx.qualify(previous);
  }

  /**
   * MySQL and MariaDB have no {@code DEFAULT VALUES}: a row that names no column is an empty row,
   * {@code INSERT INTO `t` () VALUES (), (), ()}.
   */
  @Override protected void appendDefaultRows(InsertQuery node, RenderContext ctx) {
    ctx.sql(" () VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", ()" : "()");
    }
  }
}
