package dev.sluice.spi;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Aliased;
import dev.sluice.sql.CommonTable;
import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.CountQuery;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Join;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;
import dev.sluice.sql.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders reads in standard SQL: {@code [WITH ...] SELECT ... FROM ... JOIN ... WHERE ... GROUP BY
 * ... HAVING ... ORDER BY ...}, paging ({@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}), row locks
 * ({@code FOR UPDATE}), set operations and counts. A dialect overrides the hook that differs, e.g.
 * {@link #appendLimitOffset} for {@code LIMIT ? OFFSET ?}.
 */
public class SelectRenderer extends RendererPart {

  public SelectRenderer(StandardDialect dialect) {
    super(dialect);
  }

  protected void appendSelect(SelectQuery node, RenderContext ctx) {
    appendWith(node.with(), ctx);
    boolean previous = ctx.qualify(ctx.qualify() || node.multiTable());
    ctx.sql(node.distinct() ? "SELECT DISTINCT " : "SELECT ");
    appendSelectPrefix(node, ctx);
    for (int i = 0; i < node.select().size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      appendAliased(node.select().get(i), ctx);
    }
    if (node.from() == null) {
      appendNoFrom(ctx);
    } else {
      ctx.sql(" FROM ");
      appendTable(node.from(), ctx);
      appendTableLock(node.lock(), ctx);
    }
    for (Join j : node.joins()) {
      ctx.sql(' ').sql(j.type().sql()).sql(' ');
      appendTable(j.table(), ctx);
      appendTableLock(node.lock(), ctx);
      if (j.on() != null) {
        ctx.sql(" ON ");
        visit(j.on(), ctx);
      }
    }
    where(node.where(), ctx);
    if (!node.groupBy().isEmpty()) {
      ctx.sql(" GROUP BY ");
      list(node.groupBy(), ctx);
    }
    if (node.having() != null) {
      ctx.sql(" HAVING ");
      visit(node.having(), ctx);
    }
    orderBy(node.orderBy(), ctx);
    appendSelectPaging(node, ctx);
    appendLock(node.lock(), ctx);
    ctx.qualify(previous);
  }

  private void orderBy(List<OrderItem> items, RenderContext ctx) {
    if (!items.isEmpty()) {
      ctx.sql(" ORDER BY ");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          ctx.sql(", ");
        }
        appendOrderItem(items.get(i), ctx);
      }
    }
  }

  /**
   * Appends what a SELECT of values only ({@code db.select(...)} without {@code from}) needs in place
   * of a table: nothing here ({@code SELECT 1}); {@code FROM DUAL} on Oracle, MySQL and MariaDB.
   */
  protected void appendNoFrom(RenderContext ctx) {
  }

  /** Appends what a dialect puts right after {@code SELECT [DISTINCT]} (T-SQL's {@code TOP}); nothing here. */
  protected void appendSelectPrefix(SelectQuery node, RenderContext ctx) {
  }

  /** Appends a row-lock hint after each table reference (T-SQL's {@code WITH (UPDLOCK)}); nothing here. */
  protected void appendTableLock(LockMode lock, RenderContext ctx) {
  }

  /** Appends a SELECT's paging at its end: {@link #appendLimitOffset} unless a prefix already did it. */
  protected void appendSelectPaging(SelectQuery node, RenderContext ctx) {
    appendLimitOffset(node, ctx);
  }

  /**
   * Appends a table reference: {@code "users"}, {@code "users" AS "boss"}, or for a derived table
   * {@code (SELECT ... AS "col", ...) AS "name"}.
   */
  protected void appendTable(Table<?> table, RenderContext ctx) {
    if (table.source() != null) {
      ctx.sql('(');
      boolean previous = ctx.enter(false);
      visit(namedOutputs(table.source(), table.columns()), ctx);
      ctx.leave(previous);
      ctx.sql(')');
      appendTableAlias(table.qualifier(), ctx);
      return;
    }
    ctx.table(table);
    if (table.alias() != null) {
      appendTableAlias(table.alias(), ctx);
    }
  }

  /** Appends the alias after a table reference; standard SQL spells it {@code AS "alias"}. */
  protected void appendTableAlias(String alias, RenderContext ctx) {
    ctx.sql(" AS ").identifier(alias);
  }

  /** The query with its (first part's) values named like {@code columns}, so the outside reads them by name. */
  private static Statement namedOutputs(Statement query, List<Column<?>> columns) {
    if (query instanceof CompoundSelect c) {
      List<SelectQuery> parts = new ArrayList<>(c.parts());
      parts.set(0, (SelectQuery) namedOutputs(parts.get(0), columns));
      return new CompoundSelect(parts, c.ops(), c.orderBy(), c.limit(), c.offset());
    }
    SelectQuery s = (SelectQuery) query;
    List<Expr<?>> named = new ArrayList<>(s.select().size());
    for (int i = 0; i < s.select().size(); i++) {
      named.add(alias(s.select().get(i), columns.get(i).name()));
    }
    return s.withSelect(named);
  }

  /** The value of {@code e} (without an alias it has) named {@code name}. */
  private static Aliased<?> alias(Expr<?> e, String name) {
    Expr<?> bare = e instanceof Aliased<?> a ? a.expr() : e;
    return aliased(bare, name);
  }

  private static <T> Aliased<T> aliased(Expr<T> e, String name) {
    return new Aliased<>(e, name);
  }

  /**
   * Appends {@code WITH [RECURSIVE] "name" ("col", ...) AS (query), ... } before a SELECT; nothing
   * when {@code with} is null.
   */
  protected void appendWith(With with, RenderContext ctx) {
    if (with == null) {
      return;
    }
    ctx.sql(with.recursive() ? recursiveWith() : "WITH ");
    for (int i = 0; i < with.tables().size(); i++) {
      CommonTable t = with.tables().get(i);
      ctx.sql(i > 0 ? ", " : "").identifier(t.table().name()).sql(" (").sql(names(t.table().columns()))
          .sql(") AS (");
      boolean previous = ctx.enter(false);
      visit(t.query(), ctx);
      ctx.leave(previous);
      ctx.sql(')');
    }
    ctx.sql(' ');
  }

  /** How a WITH clause with a self-referring query starts: {@code WITH RECURSIVE} in standard SQL. */
  protected String recursiveWith() {
    return "WITH RECURSIVE ";
  }

  /** Appends one SELECT-list value, with its output name when it has one. */
  protected final void appendAliased(Expr<?> item, RenderContext ctx) {
    if (item instanceof Aliased<?> a) {
      appendSelectItem(a.expr(), ctx);
      ctx.sql(" AS ").identifier(a.alias());
    } else {
      appendSelectItem(item, ctx);
    }
  }

  /** Appends the row-lock clause; the standard spelling is {@code FOR UPDATE [SKIP LOCKED | NOWAIT]}. */
  protected void appendLock(LockMode lock, RenderContext ctx) {
    switch (lock) {
      case NONE -> { }
      case FOR_UPDATE -> ctx.sql(" FOR UPDATE");
      case FOR_SHARE -> ctx.sql(" FOR SHARE");
      case FOR_UPDATE_SKIP_LOCKED -> ctx.sql(" FOR UPDATE SKIP LOCKED");
      case FOR_UPDATE_NOWAIT -> ctx.sql(" FOR UPDATE NOWAIT");
    }
  }

  /**
   * Appends one value the statement hands back (a SELECT list item or a RETURNING column); the
   * standard version renders the expression itself. A dialect may wrap it to read it faithfully.
   */
  protected void appendSelectItem(Expr<?> item, RenderContext ctx) {
    visit(item, ctx);
  }

  /** Appends one ORDER BY term, including NULLS FIRST/LAST where the database has it. */
  protected void appendOrderItem(OrderItem item, RenderContext ctx) {
    visit(item.expr(), ctx);
    if (item.descending()) {
      ctx.sql(" DESC");
    }
    if (item.nulls() != OrderItem.Nulls.DEFAULT) {
      if (!capabilities().nullsOrdering()) {
        throw new UnsupportedByDialectException("NULLS " + item.nulls() + " ordering", name());
      }
      ctx.sql(item.nulls() == OrderItem.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  /** Appends paging; standard SQL uses {@code OFFSET n ROWS FETCH NEXT m ROWS ONLY}. */
  protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset()).sql(" ROWS");
    }
    if (node.limit() != null) {
      ctx.sql(" FETCH NEXT ").bind(node.limit()).sql(" ROWS ONLY");
    }
  }

  /** The parts joined by their set operators, then the whole compound's order and paging. */
  protected void appendCompound(CompoundSelect node, RenderContext ctx) {
    for (int i = 0; i < node.parts().size(); i++) {
      if (i > 0) {
        ctx.sql(' ').sql(setOperator(node.ops().get(i - 1))).sql(' ');
      }
      visit(node.parts().get(i), ctx);
    }
    SelectQuery paging = node.paging();
    boolean previous = ctx.qualify(false);
    orderBy(paging.orderBy(), ctx);
    ctx.qualify(previous);
    appendLimitOffset(paging, ctx);
  }

  /**
   * {@code [WITH ...] SELECT COUNT(*) FROM (SELECT ... AS "c1", ... ) AS "counted"}: each value of the
   * counted query gets a name of its own, as every database requires of a derived table.
   */
  protected void appendCount(CountQuery node, RenderContext ctx) {
    SelectQuery q = node.query();
    appendWith(q.with(), ctx);
    List<Expr<?>> named = new ArrayList<>(q.select().size());
    for (int i = 0; i < q.select().size(); i++) {
      named.add(alias(q.select().get(i), "c" + (i + 1)));
    }
    ctx.sql("SELECT COUNT(*) FROM (");
    boolean previous = ctx.enter(false);
    visit(q.withWith(null).withSelect(named), ctx);
    ctx.leave(previous);
    ctx.sql(')');
    appendTableAlias("counted", ctx);
  }

  /** The spelling of a set operator ({@code EXCEPT} is {@code MINUS} in some databases). */
  protected String setOperator(CompoundSelect.SetOp op) {
    return op.sql();
  }
}
