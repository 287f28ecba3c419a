package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.RenderedSql;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * An insert of one row.
 *
 * @param <R> the row record
 */
public final class InsertOne<R> {
  private final Executor executor;
  private final Table<R> table;
  private final R row;
  private final dev.sluice.sql.Upsert upsert;
  private final java.time.Clock clock;

  InsertOne(Executor executor, Table<R> table, R row, java.time.Clock clock) {
    this(executor, table, row, null, clock);
  }

  private InsertOne(Executor executor, Table<R> table, R row, dev.sluice.sql.Upsert upsert,
      java.time.Clock clock) {
    this.executor = executor;
    this.table = table;
    this.row = row;
    this.upsert = upsert;
    this.clock = clock;
  }

  /** Makes this an upsert keyed on {@code columns} (a unique key): choose doNothing or doUpdate next. */
  public OnConflict<InsertOne<R>> onConflict(dev.sluice.schema.Column<?>... columns) {
    return InsertRows.onConflict(table, columns, u -> new InsertOne<>(executor, table, row, u, clock));
  }

  /** Inserts and emits the number of rows inserted (1). */
  public Mono<Long> execute() {
    return Mono.defer(() -> executor.update(query(false), true));
  }

  /** Inserts and emits the row as stored, with generated values (such as a serial id) filled in. */
  public Mono<R> returning() {
    return Mono.defer(() -> executor.query(query(true),
        Readers.record(InsertRows.mapping(table)), 0).single());
  }

  /** The SQL this insert renders to; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query(false));
  }

  /** The statement this insert runs, with the table's columns returned or not. */
  InsertQuery statement(boolean returning) {
    return query(returning);
  }

  private InsertQuery query(boolean returning) {
    return InsertRows.build(table, List.of(row), returning, upsert, clock);
  }
}
