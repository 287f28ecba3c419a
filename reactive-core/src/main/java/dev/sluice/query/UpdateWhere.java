package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Condition;
import dev.sluice.sql.UpdateQuery;
import dev.sluice.schema.PendingUpdate;
import dev.sluice.sql.Statement;
import reactor.core.publisher.Mono;
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
  private final WriteContext writes;
  private final boolean hooks;

  UpdateWhere(Executor executor, Table<R> table, List<Assignment<?>> assignments, Condition where,
      List<Table<?>> from, WriteContext writes) {
    this(executor, table, assignments, where, from, writes, true);
  }

  private UpdateWhere(Executor executor, Table<R> table, List<Assignment<?>> assignments, Condition where,
      List<Table<?>> from, WriteContext writes, boolean hooks) {
    super(executor, table);
    this.hooks = hooks;
    this.writes = writes;
    this.assignments = assignments;
    this.where = where;
    this.from = from;
  }

  /** Narrows the filter with AND. */
  public UpdateWhere<R> where(Condition condition) {
    return new UpdateWhere<>(executor, table, assignments,
        where == null ? condition : Dsl.and(where, condition), from, writes, hooks);
  }

  /** This update without the table's {@code beforeUpdate} hooks (the validator still checks its values). */
  public UpdateWhere<R> withoutHooks() {
    return new UpdateWhere<>(executor, table, assignments, where, from, writes, false);
  }

  @Override UpdateQuery query(boolean returning) {
    return build(assignments, where, returning);
  }

  private UpdateQuery build(List<Assignment<?>> set, Condition filter, boolean returning) {
    return new UpdateQuery(table, Stamps.onUpdate(table, set, writes.clock()), filter,
        returning ? InsertRows.mapping(table).columns() : List.of(), from);
  }

  @Override boolean checked() {
    return ModelChecks.neededOnUpdate(table, writes, hooks);
  }

  @Override Mono<Statement> prepared(boolean returning) {
    return ModelChecks.beforeUpdate(new PendingUpdate<>(table, assignments, where, null), writes, hooks)
        .map(u -> build(u.assignments(), u.where(), returning));
  }
}
