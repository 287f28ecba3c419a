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

/**
 * A complete DELETE, ready to run; on a soft-deleting table an UPDATE that marks the rows not yet
 * marked (so the count is of rows newly deleted).
 *
 * @param <R> the row record
 */
public final class DeleteWhere<R> extends FilteredWrite<R> {
  private final Condition where;
  private final Clock clock;
  private final boolean permanent;

  DeleteWhere(Executor executor, Table<R> table, Condition where, Clock clock, boolean permanent) {
    super(executor, table);
    this.where = where;
    this.clock = clock;
    this.permanent = permanent;
  }

  /** Narrows the filter with AND. */
  public DeleteWhere<R> where(Condition condition) {
    return new DeleteWhere<>(executor, table, where == null ? condition : Dsl.and(where, condition),
        clock, permanent);
  }

  @Override Statement query(boolean returning) {
    List<Column<?>> back = returning ? InsertRows.mapping(table).columns() : List.of();
    Column<?> deletedAt = permanent ? null : table.meta().deletedAt();
    if (deletedAt == null) {
      return new DeleteQuery(table, where, back);
    }
    Condition live = new NullCheck(deletedAt.expr(), false);
    List<Assignment<?>> mark = Stamps.onUpdate(table,
        List.of(Stamps.assign(deletedAt, Stamps.now(deletedAt, clock))), clock);
    return new UpdateQuery(table, mark, where == null ? live : Dsl.and(where, live), back);
  }
}
