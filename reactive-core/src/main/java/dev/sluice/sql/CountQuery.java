package dev.sluice.sql;

import java.util.List;

/**
 * {@code SELECT COUNT(*) FROM (query) AS "counted"}: how many rows {@code query} returns, counted
 * after its {@code DISTINCT}, {@code GROUP BY} and {@code HAVING}. The query's ordering, paging and
 * locking do not change the count and are dropped; its common tables move in front:
 *
 * <pre>{@code
 * SELECT COUNT(*) FROM (SELECT DISTINCT "name" AS "c1" FROM "cities") AS "counted"
 * }</pre>
 *
 * @param query the query whose rows are counted
 */
public record CountQuery(SelectQuery query) implements Statement {
  public CountQuery {
    query = query.withOrderBy(List.of()).withLimit(null).withOffset(null).withLock(LockMode.NONE);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitCount(this, ctx); }
}
