package dev.sluice.dialect.sqlite;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import dev.sluice.sql.InsertQuery;

/** SQLite's writes: several rows that name no column. */
class SqliteWrites extends WriteRenderer {

  SqliteWrites(StandardDialect dialect) {
    super(dialect);
  }

  /**
   * SQLite has {@code DEFAULT VALUES} for one row but no {@code DEFAULT} keyword in {@code VALUES}:
   * several rows write the first column's default explicitly, NULL for a serial key (which makes
   * SQLite generate it) or the column's SQL default: {@code INSERT INTO "t" ("id") VALUES (NULL),
   * (NULL)}; the other columns take their defaults.
   */
  @Override protected void appendDefaultRows(InsertQuery node, RenderContext ctx) {
    if (node.rows().size() == 1) {
      super.appendDefaultRows(node, ctx);
      return;
    }
    Column<?> first = firstColumn(node);
    String value = first.dataType().kind().isGenerated() ? "NULL"
        : first.defaultSql() != null ? "(" + first.defaultSql() + ")" : null;
    if (value == null) {
      throw new UnsupportedByDialectException("Inserting several rows that name no column into "
          + node.table().name() + ", whose first column " + first.name() + " has no SQL default", name());
    }
    ctx.sql(" (").identifier(first.name()).sql(") VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (" : "(").sql(value).sql(')');
    }
  }
}
