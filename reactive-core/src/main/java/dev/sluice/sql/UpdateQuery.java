package dev.sluice.sql;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.List;

/**
 * {@code UPDATE table SET assignments [FROM from] [WHERE where] [RETURNING returning]}.
 *
 * @param table       the target table
 * @param assignments at least one assignment
 * @param where       the filter, or null when every row was asked for explicitly
 * @param returning   columns to return, empty for none
 * @param from        other tables the values and the filter read (UPDATE ... FROM), empty for none
 */
public record UpdateQuery(Table<?> table, List<Assignment<?>> assignments, Condition where,
                          List<Column<?>> returning, List<Table<?>> from) implements Statement {
  public UpdateQuery {
    assignments = List.copyOf(assignments);
    returning = List.copyOf(returning);
    from = List.copyOf(from);
  }

  /** An update that reads no other table. */
  public UpdateQuery(Table<?> table, List<Assignment<?>> assignments, Condition where,
      List<Column<?>> returning) {
    this(table, assignments, where, returning, List.of());
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitUpdate(this, ctx); }
}
