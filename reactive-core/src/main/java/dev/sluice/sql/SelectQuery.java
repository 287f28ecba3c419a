package dev.sluice.sql;

import dev.sluice.schema.Table;
import java.util.List;

/**
 * {@code SELECT [DISTINCT] select FROM from [WHERE where] [ORDER BY ...] [LIMIT/OFFSET]}.
 *
 * @param distinct whether DISTINCT
 * @param select   the selected expressions
 * @param from     the table
 * @param where    the filter, or null
 * @param orderBy  ordering terms
 * @param limit    bound row limit, or null
 * @param offset   bound offset, or null
 */
public record SelectQuery(boolean distinct, List<Expr<?>> select, Table<?> from, Condition where,
                          List<OrderItem> orderBy, Param<Long> limit, Param<Long> offset)
    implements Statement {
  public SelectQuery {
    select = List.copyOf(select);
    orderBy = List.copyOf(orderBy);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitSelect(this, ctx); }
}
