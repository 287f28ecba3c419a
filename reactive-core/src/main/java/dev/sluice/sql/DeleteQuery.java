package dev.sluice.sql;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.List;

/**
 * {@code DELETE FROM table [WHERE where] [RETURNING returning]}.
 *
 * @param table     the target table
 * @param where     the filter, or null when every row was asked for explicitly
 * @param returning columns to return, empty for none
 */
public record DeleteQuery(Table<?> table, Condition where, List<Column<?>> returning)
    implements Statement {
  public DeleteQuery {
    returning = List.copyOf(returning);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitDelete(this, ctx); }
}
