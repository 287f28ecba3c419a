package dev.sluice.sql;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.List;

/**
 * {@code UPDATE table SET assignments [WHERE where] [RETURNING returning]}.
 *
 * @param table       the target table
 * @param assignments at least one assignment
 * @param where       the filter, or null when every row was asked for explicitly
 * @param returning   columns to return, empty for none
 */
public record UpdateQuery(Table<?> table, List<Assignment<?>> assignments, Condition where,
                          List<Column<?>> returning) implements Statement {
  public UpdateQuery {
    assignments = List.copyOf(assignments);
    returning = List.copyOf(returning);
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitUpdate(this, ctx); }
}
