package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.schema.Table;
import dev.sluice.sql.InsertQuery;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An insert of many rows: multi-row {@code VALUES} statements, each as large as the dialect's
 * bind-parameter limit allows (the fastest portable path: one round trip per chunk rather than one
 * per row), all on one connection inside one transaction, so a failure leaves nothing written.
 *
 * @param <R> the row record
 */
public final class InsertMany<R> {
  private final Executor executor;
  private final Table<R> table;
  private final Flux<? extends R> rows;
  private final int maxRowsPerStatement;
  private final dev.sluice.sql.Upsert upsert;
  private final java.time.Clock clock;

  InsertMany(Executor executor, Table<R> table, Flux<? extends R> rows, int maxRowsPerStatement,
      java.time.Clock clock) {
    this(executor, table, rows, maxRowsPerStatement, null, clock);
  }

  private InsertMany(Executor executor, Table<R> table, Flux<? extends R> rows,
      int maxRowsPerStatement, dev.sluice.sql.Upsert upsert, java.time.Clock clock) {
    this.clock = clock;
    this.executor = executor;
    this.table = table;
    this.rows = rows;
    this.maxRowsPerStatement = maxRowsPerStatement;
    this.upsert = upsert;
  }

  /** Makes this an upsert keyed on {@code columns} (a unique key): choose doNothing or doUpdate next. */
  public OnConflict<InsertMany<R>> onConflict(dev.sluice.schema.Column<?>... columns) {
    return InsertRows.onConflict(table, columns,
        u -> new InsertMany<>(executor, table, rows, maxRowsPerStatement, u, clock));
  }

  /** Inserts every row and emits how many were inserted. */
  public Mono<Long> execute() {
    return executor.inTransaction(() -> chunks()
            .concatMap(chunk -> executor.update(InsertRows.build(table, chunk, false, upsert, clock), false)))
        .reduce(0L, Long::sum);
  }

  /** Inserts every row and streams them back as stored, generated values filled in. */
  public Flux<R> returning() {
    return executor.inTransaction(() -> chunks()
        .concatMap(chunk -> executor.query(InsertRows.build(table, chunk, true, upsert, clock),
            Readers.record(InsertRows.mapping(table)), 0)));
  }

  private Flux<List<R>> chunks() {
    int columns = InsertRows.mapping(table).columns().size();
    int perStatement = InsertRows.rowsPerStatement(columns,
        executor.dialect().capabilities().maxBindParameters(), maxRowsPerStatement);
    return rows.map(r -> (R) r).buffer(perStatement);
  }

  /** The first statement this insert would run, for inspection. */
  InsertQuery firstStatement(List<R> sample) {
    return InsertRows.build(table, sample, false, null, clock);
  }
}
