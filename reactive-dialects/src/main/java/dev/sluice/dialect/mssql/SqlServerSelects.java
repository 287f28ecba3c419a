package dev.sluice.dialect.mssql;

import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.SelectQuery;

/**
 * T-SQL's reads: {@code TOP (@Pn)} for a bare limit, {@code OFFSET/FETCH} ordered by
 * {@code (SELECT NULL)} when unordered, row locks as table hints, NULLS FIRST/LAST emulated.
 */
class SqlServerSelects extends SelectRenderer {

  SqlServerSelects(StandardDialect dialect) {
    super(dialect);
  }

  /** A limit without an offset is {@code SELECT TOP (@Pn)}. */
  @Override protected void appendSelectPrefix(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null && node.offset() == null) {
      ctx.sql("TOP (").bind(node.limit()).sql(") ");
    }
  }

  /** Paging at the end only with an offset; a limit alone went to {@code TOP}. */
  @Override protected void appendSelectPaging(SelectQuery node, RenderContext ctx) {
    if (node.offset() != null) {
      appendLimitOffset(node, ctx);
    }
  }

  /** T-SQL has no {@code RECURSIVE} keyword: a common table may simply refer to itself. */
  @Override protected String recursiveWith() {
    return "WITH ";
  }

  /**
   * {@code OFFSET @Pn ROWS [FETCH NEXT @Pm ROWS ONLY]}, ordering by {@code (SELECT NULL)} if unordered.
   * A plain SELECT renders a bare limit as {@code TOP} and never calls this for it; elsewhere (a UNION's
   * paging) a bare limit is {@code OFFSET 0 ROWS FETCH NEXT @Pn ROWS ONLY}.
   */
  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.offset() == null && node.limit() == null) {
      return;
    }
    if (node.orderBy().isEmpty()) {
      ctx.sql(" ORDER BY (SELECT NULL)");
    }
    if (node.offset() == null) {
      ctx.sql(" OFFSET 0 ROWS");
    } else {
      ctx.sql(" OFFSET ").bind(node.offset()).sql(" ROWS");
    }
    if (node.limit() != null) {
      ctx.sql(" FETCH NEXT ").bind(node.limit()).sql(" ROWS ONLY");
    }
  }

  /** T-SQL locks rows through table hints, placed after each table by {@link #appendTableLock}. */
  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
  }

  /** A table hint after a table reference: {@code WITH (UPDLOCK, ROWLOCK)} for {@code FOR UPDATE}. */
  @Override protected void appendTableLock(LockMode lock, RenderContext ctx) {
    switch (lock) {
      case NONE -> { }
      case FOR_UPDATE -> ctx.sql(" WITH (UPDLOCK, ROWLOCK)");
      case FOR_SHARE -> ctx.sql(" WITH (REPEATABLEREAD, ROWLOCK)");
      case FOR_UPDATE_SKIP_LOCKED -> ctx.sql(" WITH (UPDLOCK, ROWLOCK, READPAST)");
      case FOR_UPDATE_NOWAIT -> ctx.sql(" WITH (UPDLOCK, ROWLOCK, NOWAIT)");
    }
  }

  /**
   * NULLs sort lowest: {@code ASC NULLS FIRST} / {@code DESC NULLS LAST} are plain; the other two get
   * a leading {@code CASE WHEN x IS NULL THEN 1 ELSE 0 END} (or {@code 0 ELSE 1}) key.
   */
  @Override protected void appendOrderItem(OrderItem item, RenderContext ctx) {
    boolean natural = item.nulls() == OrderItem.Nulls.DEFAULT
        || (item.nulls() == OrderItem.Nulls.FIRST) != item.descending();
    if (!natural) {
      ctx.sql("CASE WHEN ");
      visit(item.expr(), ctx);
      ctx.sql(item.nulls() == OrderItem.Nulls.LAST ? " IS NULL THEN 1 ELSE 0 END, "
          : " IS NULL THEN 0 ELSE 1 END, ");
    }
    visit(item.expr(), ctx);
    if (item.descending()) {
      ctx.sql(" DESC");
    }
  }
}
