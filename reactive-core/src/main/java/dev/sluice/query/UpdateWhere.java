package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Condition;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.UpdateQuery;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A complete UPDATE, ready to run.
 *
 * @param <R> the row record
 */
public final class UpdateWhere<R> {
  private final Executor executor;
  private final Table<R> table;
  private final List<Assignment<?>> assignments;
  private final Condition where;
  private final List<Table<?>> from;

  UpdateWhere(Executor executor, Table<R> table, List<Assignment<?>> assignments, Condition where,
      List<Table<?>> from) {
    this.executor = executor;
    this.table = table;
    this.assignments = assignments;
    this.where = where;
    this.from = from;
  }

  /** Narrows the filter with AND. */
  public UpdateWhere<R> where(Condition condition) {
    return new UpdateWhere<>(executor, table, assignments,
        where == null ? condition : Dsl.and(where, condition), from);
  }

  /** Runs the update and emits the number of rows changed. */
  public Mono<Long> execute() {
    return executor.update(query(false), true);
  }

  /** Runs the update and streams the changed rows (where the database has RETURNING). */
  public Flux<R> returning() {
    return executor.query(query(true), Readers.record(InsertRows.mapping(table)), 0);
  }

  /** The SQL this update renders to; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query(false));
  }

  private UpdateQuery query(boolean returning) {
    return new UpdateQuery(table, assignments, where,
        returning ? InsertRows.mapping(table).columns() : List.of(), from);
  }
}
