package dev.sluice.dialect.sqlite;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Expr;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.SelectQuery;

/** SQLite's reads: {@code LIMIT -1 OFFSET ?}, no row locks, decimals read back with their scale. */
class SqliteSelects extends SelectRenderer {

  SqliteSelects(StandardDialect dialect) {
    super(dialect);
  }

  /** {@code LIMIT ? OFFSET ?}; an offset alone is {@code LIMIT -1 OFFSET ?}. */
  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null) {
      ctx.sql(" LIMIT ").bind(node.limit());
    } else if (node.offset() != null) {
      ctx.sql(" LIMIT -1");
    }
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset());
    }
  }

  /**
   * SQLite has no row locks: a writing transaction holds the database's single write lock (the bridge
   * begins transactions with {@code BEGIN IMMEDIATE}), which already gives {@code FOR UPDATE} and
   * {@code FOR SHARE} their guarantee, so they render as nothing. {@code SKIP LOCKED} and
   * {@code NOWAIT} cannot be honoured and are rejected.
   */
  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
    if (lock == LockMode.FOR_UPDATE_SKIP_LOCKED || lock == LockMode.FOR_UPDATE_NOWAIT) {
      throw new UnsupportedByDialectException(lock.name().replace('_', ' '), name());
    }
  }

  /**
   * A decimal kept as a number (an older file's {@code NUMERIC} column, or an expression such as a
   * sum) is read back as text with the scale, which a number does not keep; exact text passes as is.
   */
  @Override protected void appendSelectItem(Expr<?> item, RenderContext ctx) {
    DataType<?> type = item.dataType();
    if (type.kind() != SqlKind.DECIMAL || type.scale() <= 0 || type.codec() != null) {
      super.appendSelectItem(item, ctx);
      return;
    }
    ctx.sql("CASE WHEN typeof(");
    visit(item, ctx);
    ctx.sql(") IN ('integer', 'real') THEN printf('%.").sql(Integer.toString(type.scale())).sql("f', ");
    visit(item, ctx);
    ctx.sql(") ELSE ");
    visit(item, ctx);
    ctx.sql(" END");
  }
}
