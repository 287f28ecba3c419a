package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Condition;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.Statement;
import dev.sluice.sql.UpdateQuery;
import java.time.Clock;
import java.util.List;
import dev.sluice.schema.PendingDelete;
import reactor.core.publisher.Mono;

/**
 * A complete DELETE, ready to run; on a soft-deleting table an UPDATE that marks the rows not yet
 * marked (so the count is of rows newly deleted).
 *
 * @param <R> the row record
 */
public final class DeleteWhere<R> extends FilteredWrite<R> {
  private final Condition where;
  private final WriteContext writes;
  private final boolean permanent;
  private final boolean hooks;

  DeleteWhere(Executor executor, Table<R> table, Condition where, WriteContext writes, boolean permanent) {
    this(executor, table, where, writes, permanent, true);
  }

  private DeleteWhere(Executor executor, Table<R> table, Condition where, WriteContext writes,
      boolean permanent, boolean hooks) {
    super(executor, table);
    this.hooks = hooks;
    this.where = where;
    this.writes = writes;
    this.permanent = permanent;
  }

  /** Narrows the filter with AND. */
  public DeleteWhere<R> where(Condition condition) {
    return new DeleteWhere<>(executor, table, where == null ? condition : Dsl.and(where, condition),
        writes, permanent, hooks);
  }

  /** This delete without the table's {@code beforeDelete} hooks. */
  public DeleteWhere<R> withoutHooks() {
    return new DeleteWhere<>(executor, table, where, writes, permanent, false);
  }

  @Override boolean checked() {
    return ModelChecks.neededOnDelete(table, hooks);
  }

  @Override Mono<Statement> prepared(boolean returning) {
    return ModelChecks.beforeDelete(new PendingDelete<>(table, where, permanent), hooks)
        .map(d -> build(d.where(), returning));
  }

  @Override Statement query(boolean returning) {
    return build(where, returning);
  }

  private Statement build(Condition where, boolean returning) {
    List<Column<?>> back = returning ? InsertRows.mapping(table).columns() : List.of();
    Column<?> deletedAt = permanent ? null : table.meta().deletedAt();
    if (deletedAt == null) {
      return new DeleteQuery(table, where, back);
    }
    Condition live = new NullCheck(deletedAt.expr(), false);
    List<Assignment<?>> mark = Stamps.onUpdate(table,
        List.of(Stamps.assign(deletedAt, Stamps.now(deletedAt, writes.clock()))), writes.clock());
    return new UpdateQuery(table, mark, where == null ? live : Dsl.and(where, live), back);
  }
}
