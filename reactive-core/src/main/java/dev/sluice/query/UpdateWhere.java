package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Condition;
import dev.sluice.sql.UpdateQuery;
import java.util.List;

/**
 * A complete UPDATE, ready to run.
 *
 * @param <R> the row record
 */
public final class UpdateWhere<R> extends FilteredWrite<R> {
  private final List<Assignment<?>> assignments;
  private final Condition where;
  private final List<Table<?>> from;
  private final java.time.Clock clock;

  UpdateWhere(Executor executor, Table<R> table, List<Assignment<?>> assignments, Condition where,
      List<Table<?>> from, java.time.Clock clock) {
    super(executor, table);
    this.clock = clock;
    this.assignments = assignments;
    this.where = where;
    this.from = from;
  }

  /** Narrows the filter with AND. */
  public UpdateWhere<R> where(Condition condition) {
    return new UpdateWhere<>(executor, table, assignments,
        where == null ? condition : Dsl.and(where, condition), from, clock);
  }

  @Override UpdateQuery query(boolean returning) {
    return new UpdateQuery(table, Stamps.onUpdate(table, assignments, clock), where,
        returning ? InsertRows.mapping(table).columns() : List.of(), from);
  }
}
