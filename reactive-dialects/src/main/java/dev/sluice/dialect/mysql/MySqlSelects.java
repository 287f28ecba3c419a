package dev.sluice.dialect.mysql;

import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.SelectQuery;

/** MySQL's reads: {@code FROM DUAL}, {@code LIMIT ? OFFSET ?}, NULLS FIRST/LAST through {@code ISNULL}. */
public class MySqlSelects extends SelectRenderer {

  protected MySqlSelects(StandardDialect dialect) {
    super(dialect);
  }

  /** A SELECT of values only reads from {@code DUAL}. */
  @Override protected void appendNoFrom(RenderContext ctx) {
    ctx.sql(" FROM DUAL");
  }

  /** {@code LIMIT ? OFFSET ?}; an offset alone is {@code LIMIT 18446744073709551615 OFFSET ?}. */
  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null) {
      ctx.sql(" LIMIT ").bind(node.limit());
    } else if (node.offset() != null) {
      ctx.sql(" LIMIT 18446744073709551615");
    }
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset());
    }
  }

  /** NULLS FIRST/LAST as a leading {@code ISNULL(x)} term: {@code ISNULL(x) DESC, x} puts nulls first. */
  @Override protected void appendOrderItem(OrderItem item, RenderContext ctx) {
    if (item.nulls() == OrderItem.Nulls.DEFAULT) {
      super.appendOrderItem(item, ctx);
      return;
    }
    ctx.sql("ISNULL(");
    visit(item.expr(), ctx);
    ctx.sql(item.nulls() == OrderItem.Nulls.FIRST ? ") DESC, " : "), ");
    visit(item.expr(), ctx);
    if (item.descending()) {
      ctx.sql(" DESC");
    }
  }
}
