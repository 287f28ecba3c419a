package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a complete UPDATE or DELETE does when run: count the rows it changed, stream them back, or
 * render without a connection. A subclass says only which statement it is.
 *
 * @param <R> the row record
 */
abstract class FilteredWrite<R> {
  final Executor executor;
  final Table<R> table;

  FilteredWrite(Executor executor, Table<R> table) {
    this.executor = executor;
    this.table = table;
  }

  /** The statement, with the table's columns to return or none. */
  abstract Statement query(boolean returning);

  /** Runs the statement and emits the number of rows it changed. */
  public Mono<Long> execute() {
    return Mono.defer(() -> executor.update(query(false), true));
  }

  /** Runs the statement and streams the rows it changed (where the database has RETURNING). */
  public Flux<R> returning() {
    return Flux.defer(() -> executor.query(query(true), Readers.record(InsertRows.mapping(table)), 0));
  }

  /** The SQL this statement renders to; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query(false));
  }
}
