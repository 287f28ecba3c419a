package dev.sluice.dialect.oracle;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.SelectQuery;

/**
 * Oracle's reads: {@code FROM DUAL}, table aliases without {@code AS}, {@code WITH} without
 * {@code RECURSIVE}, {@code FOR UPDATE} only and never with paging.
 */
class OracleSelects extends SelectRenderer {

  OracleSelects(StandardDialect dialect) {
    super(dialect);
  }

  /** A SELECT of values only reads from {@code DUAL}. */
  @Override protected void appendNoFrom(RenderContext ctx) {
    ctx.sql(" FROM DUAL");
  }

  /** Oracle writes a table alias without {@code AS}. */
  @Override protected void appendTableAlias(String alias, RenderContext ctx) {
    ctx.sql(' ').identifier(alias);
  }

  /** Oracle has no {@code RECURSIVE} keyword: a common table may refer to itself (with its column list). */
  @Override protected String recursiveWith() {
    return "WITH ";
  }

  /** Standard {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}; Oracle forbids it together with a row lock. */
  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.lock() != LockMode.NONE && (node.limit() != null || node.offset() != null)) {
      throw new UnsupportedByDialectException("Oracle rejects FOR UPDATE together with "
          + "OFFSET/FETCH (ORA-02014); lock the rows by key instead");
    }
    super.appendLimitOffset(node, ctx);
  }

  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
    if (lock == LockMode.FOR_SHARE) {
      throw new UnsupportedByDialectException("FOR SHARE (Oracle has only FOR UPDATE; readers never block)",
          name());
    }
    super.appendLock(lock, ctx);
  }
}
