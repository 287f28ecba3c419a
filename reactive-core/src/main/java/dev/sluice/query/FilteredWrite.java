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

  /** The statement, with the table's columns to return or none, as built (no hook run). */
  abstract Statement query(boolean returning);

  /**
   * True when hooks or the validator must see the statement before it is sent; false keeps the
   * plain path.
   */
  abstract boolean checked();

  /** The statement after the table's hooks and the database's validator; subscribed to at run time. */
  abstract Mono<Statement> prepared(boolean returning);

  /**
   * Runs the statement and emits the number of rows it changed. The table's {@code before*} hooks
   * and the database's validator run first, once for the statement; their error fails it with
   * nothing sent.
   */
  public Mono<Long> execute() {
    if (!checked()) {
      return Mono.defer(() -> executor.update(query(false), true));
    }
    return Mono.defer(() -> prepared(false)).flatMap(st -> executor.update(st, true));
  }

  /** Runs the statement and streams the rows it changed (where the database has RETURNING). */
  public Flux<R> returning() {
    if (!checked()) {
      return Flux.defer(() -> executor.query(query(true), Readers.record(InsertRows.mapping(table)), 0));
    }
    return Mono.defer(() -> prepared(true))
        .flatMapMany(st -> executor.query(st, Readers.record(InsertRows.mapping(table)), 0));
  }

  /** The SQL this statement renders to; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query(false));
  }
}
