package dev.sluice.spi;

import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Expr;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.SqlNode;
import java.util.List;
import java.util.Objects;

/**
 * One seam of a dialect's SQL renderer ({@link ExpressionRenderer}, {@link SelectRenderer},
 * {@link WriteRenderer}, {@link UpsertStrategy}): a dialect overrides the protected hooks of the part
 * that differs and hands it out from the matching factory of {@link StandardDialect}. A part keeps no
 * walk state (that lives in the {@link RenderContext}); it belongs to the one renderer it was
 * assembled into, and reaches the other parts through the helpers here.
 */
public abstract class RendererPart {
  private final StandardDialect dialect;
  private SqlRenderer renderer;

  protected RendererPart(StandardDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /** Joins the renderer being assembled; a part serves one renderer only. */
  final void attach(SqlRenderer owner) {
    if (renderer != null) {
      throw new IllegalStateException(getClass().getName() + " already belongs to a renderer");
    }
    renderer = owner;
  }

  final SqlRenderer renderer() {
    return renderer;
  }

  /** The dialect name, for error messages. */
  protected final String name() {
    return dialect.name();
  }

  protected final Capabilities capabilities() {
    return dialect.capabilities();
  }

  protected final String quote(String identifier) {
    return dialect.quote(identifier);
  }

  /** The table's name, qualified by its schema if it has one ({@link Dialect#qualifiedName}). */
  protected final String qualifiedName(Table<?> table) {
    return dialect.qualifiedName(table);
  }

  protected final String typeName(DataType<?> type) {
    return dialect.typeName(type);
  }

  /** Renders a node of the tree (an expression, a condition, a statement) through the whole renderer. */
  protected final void visit(SqlNode node, RenderContext ctx) {
    node.accept(renderer, ctx);
  }

  /** Renders {@code exprs}, comma-separated. */
  protected final void list(List<? extends Expr<?>> exprs, RenderContext ctx) {
    for (int i = 0; i < exprs.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      visit(exprs.get(i), ctx);
    }
  }

  /** Appends {@code WHERE condition}; nothing when it is null. */
  protected final void where(Condition where, RenderContext ctx) {
    if (where != null) {
      ctx.sql(" WHERE ");
      visit(where, ctx);
    }
  }

  /** A parenthesised nested SELECT; its columns are always qualified. */
  protected final void subquery(SelectQuery query, RenderContext ctx) {
    ctx.sql('(');
    boolean previous = ctx.enter(true);
    visit(query, ctx);
    ctx.leave(previous);
    ctx.sql(')');
  }

  /** The quoted names of {@code columns}, comma-separated. */
  protected final String names(List<Column<?>> columns) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      s.append(i > 0 ? ", " : "").append(quote(columns.get(i).name()));
    }
    return s.toString();
  }

  /** A table reference, as {@link SelectRenderer#appendTable} writes it. */
  protected final void table(Table<?> table, RenderContext ctx) {
    renderer.selects().appendTable(table, ctx);
  }

  /** One value a statement hands back, as {@link SelectRenderer#appendSelectItem} writes it. */
  protected final void selectItem(Expr<?> item, RenderContext ctx) {
    renderer.selects().appendSelectItem(item, ctx);
  }
}
