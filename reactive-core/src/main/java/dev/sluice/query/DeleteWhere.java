package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import dev.sluice.sql.DeleteQuery;
import java.util.List;

/**
 * A complete DELETE, ready to run.
 *
 * @param <R> the row record
 */
public final class DeleteWhere<R> extends FilteredWrite<R> {
  private final Condition where;

  DeleteWhere(Executor executor, Table<R> table, Condition where) {
    super(executor, table);
    this.where = where;
  }

  /** Narrows the filter with AND. */
  public DeleteWhere<R> where(Condition condition) {
    return new DeleteWhere<>(executor, table, where == null ? condition : Dsl.and(where, condition));
  }

  @Override DeleteQuery query(boolean returning) {
    return new DeleteQuery(table, where, returning ? InsertRows.mapping(table).columns() : List.of());
  }
}
