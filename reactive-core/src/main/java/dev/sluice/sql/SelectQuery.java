package dev.sluice.sql;

import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT [DISTINCT] select FROM from [joins] [WHERE] [GROUP BY] [HAVING] [ORDER BY]
 * [LIMIT/OFFSET] [FOR UPDATE]}. Immutable; the {@code with...} methods return changed copies.
 *
 * @param distinct whether DISTINCT
 * @param select   the selected expressions
 * @param from     the first table (null only while a projection is still being built)
 * @param joins    joined tables, in order
 * @param where    the filter, or null
 * @param groupBy  grouping expressions
 * @param having   the group filter, or null
 * @param orderBy  ordering terms
 * @param limit    bound row limit, or null
 * @param offset   bound offset, or null
 * @param lock     row locking
 * @param with     common table expressions defined before the SELECT ({@code WITH ...}), or null
 */
public record SelectQuery(boolean distinct, List<Expr<?>> select, Table<?> from, List<Join> joins,
                          Condition where, List<Expr<?>> groupBy, Condition having,
                          List<OrderItem> orderBy, Param<Long> limit, Param<Long> offset,
                          LockMode lock, With with) implements Statement {
  public SelectQuery {
    select = List.copyOf(select);
    joins = List.copyOf(joins);
    groupBy = List.copyOf(groupBy);
    orderBy = List.copyOf(orderBy);
    if (lock == null) {
      lock = LockMode.NONE;
    }
  }

  /** {@code SELECT select FROM from}. */
  public static SelectQuery of(List<Expr<?>> select, Table<?> from) {
    return new SelectQuery(false, select, from, List.of(), null, List.of(), null, List.of(), null,
        null, LockMode.NONE, null);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitSelect(this, ctx); }

  /** True when more than one table is involved, so column references must be qualified. */
  public boolean multiTable() { return !joins.isEmpty(); }

  public SelectQuery withDistinct(boolean d) {
    return new SelectQuery(d, select, from, joins, where, groupBy, having, orderBy, limit, offset, lock, with);
  }

  public SelectQuery withSelect(List<Expr<?>> s) {
    return new SelectQuery(distinct, s, from, joins, where, groupBy, having, orderBy, limit, offset, lock, with);
  }

  public SelectQuery withFrom(Table<?> f) {
    return new SelectQuery(distinct, select, f, joins, where, groupBy, having, orderBy, limit, offset, lock, with);
  }

  public SelectQuery withJoin(Join j) {
    List<Join> js = new ArrayList<>(joins);
    js.add(j);
    return new SelectQuery(distinct, select, from, js, where, groupBy, having, orderBy, limit, offset, lock, with);
  }

  public SelectQuery withWhere(Condition w) {
    return new SelectQuery(distinct, select, from, joins, w, groupBy, having, orderBy, limit, offset, lock, with);
  }

  public SelectQuery withGroupBy(List<Expr<?>> g) {
    return new SelectQuery(distinct, select, from, joins, where, g, having, orderBy, limit, offset, lock, with);
  }

  public SelectQuery withHaving(Condition h) {
    return new SelectQuery(distinct, select, from, joins, where, groupBy, h, orderBy, limit, offset, lock, with);
  }

  public SelectQuery withOrderBy(List<OrderItem> o) {
    return new SelectQuery(distinct, select, from, joins, where, groupBy, having, o, limit, offset, lock, with);
  }

  public SelectQuery withLimit(Param<Long> l) {
    return new SelectQuery(distinct, select, from, joins, where, groupBy, having, orderBy, l, offset, lock, with);
  }

  public SelectQuery withOffset(Param<Long> o) {
    return new SelectQuery(distinct, select, from, joins, where, groupBy, having, orderBy, limit, o, lock, with);
  }

  public SelectQuery withLock(LockMode l) {
    return new SelectQuery(distinct, select, from, joins, where, groupBy, having, orderBy, limit, offset, l, with);
  }

  /** This query preceded by {@code WITH ...} (null for none). */
  public SelectQuery withWith(With w) {
    return new SelectQuery(distinct, select, from, joins, where, groupBy, having, orderBy, limit, offset, lock, w);
  }
}
