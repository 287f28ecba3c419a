package dev.sluice.dialect.postgres;

import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.SelectQuery;

/** PostgreSQL's reads: {@code LIMIT ? OFFSET ?}. */
class PostgresSelects extends SelectRenderer {

  PostgresSelects(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null) {
      ctx.sql(" LIMIT ").bind(node.limit());
    }
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset());
    }
  }
}
