package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.Condition;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.RenderedSql;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A complete DELETE, ready to run.
 *
 * @param <R> the row record
 */
public final class DeleteWhere<R> {
  private final Executor executor;
  private final Table<R> table;
  private final Condition where;

  DeleteWhere(Executor executor, Table<R> table, Condition where) {
    this.executor = executor;
    this.table = table;
    this.where = where;
  }

  /** Narrows the filter with AND. */
  public DeleteWhere<R> where(Condition condition) {
    return new DeleteWhere<>(executor, table, where == null ? condition : Dsl.and(where, condition));
  }

  /** Runs the delete and emits the number of rows removed. */
  public Mono<Long> execute() {
    return executor.update(query(false), true);
  }

  /** Runs the delete and streams the removed rows (where the database has RETURNING). */
  public Flux<R> returning() {
    return executor.query(query(true), Readers.record(InsertRows.mapping(table)), 0);
  }

  /** The SQL this delete renders to; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query(false));
  }

  private DeleteQuery query(boolean returning) {
    return new DeleteQuery(table, where, returning ? InsertRows.mapping(table).columns() : List.of());
  }
}
