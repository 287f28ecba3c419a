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
  private final WriteContext writes;
  private final boolean hooks;

  InsertMany(Executor executor, Table<R> table, Flux<? extends R> rows, int maxRowsPerStatement,
      WriteContext writes) {
    this(executor, table, rows, maxRowsPerStatement, null, writes, true);
  }

  private InsertMany(Executor executor, Table<R> table, Flux<? extends R> rows,
      int maxRowsPerStatement, dev.sluice.sql.Upsert upsert, WriteContext writes, boolean hooks) {
    this.hooks = hooks;
    this.writes = writes;
    this.executor = executor;
    this.table = table;
    this.rows = rows;
    this.maxRowsPerStatement = maxRowsPerStatement;
    this.upsert = upsert;
  }

  /** Makes this an upsert keyed on {@code columns} (a unique key): choose doNothing or doUpdate next. */
  public OnConflict<InsertMany<R>> onConflict(dev.sluice.schema.Column<?>... columns) {
    return InsertRows.onConflict(table, columns,
        u -> new InsertMany<>(executor, table, rows, maxRowsPerStatement, u, writes, hooks));
  }

  /** This insert without the table's {@code beforeInsert} hooks (the validator still checks each row). */
  public InsertMany<R> withoutHooks() {
    return new InsertMany<>(executor, table, rows, maxRowsPerStatement, upsert, writes, false);
  }

  /**
   * Inserts every row and emits how many were inserted. Each row goes through the table's
   * {@code beforeInsert} hooks and the database's validator first; an error there fails the insert
   * and rolls back the chunks already sent (they run in one transaction).
   */
  public Mono<Long> execute() {
    return executor.inTransaction(() -> chunks()
            .concatMap(chunk -> executor.update(InsertRows.build(table, chunk, false, upsert, writes.clock()), false)))
        .reduce(0L, Long::sum);
  }

  /** Inserts every row and streams them back as stored, generated values filled in. */
  public Flux<R> returning() {
    return executor.inTransaction(() -> chunks()
        .concatMap(chunk -> executor.query(InsertRows.build(table, chunk, true, upsert, writes.clock()),
            Readers.record(InsertRows.mapping(table)), 0)));
  }

  /**
   * The rows in chunks of one statement each. With {@code beforeInsert} hooks each row goes through
   * them one after the other as it arrives ({@code concatMap}, which requests a bounded number of
   * rows ahead), so a stream of rows is never collected whole.
   */
  private Flux<List<R>> chunks() {
    int columns = InsertRows.mapping(table).columns().size();
    int perStatement = InsertRows.rowsPerStatement(columns,
        executor.dialect().capabilities().maxBindParameters(), maxRowsPerStatement);
    Flux<R> each = rows.map(r -> (R) r);
    if (ModelChecks.neededOnInsert(table, writes, hooks)) {
      each = each.concatMap(r -> ModelChecks.beforeInsert(table, r, writes, hooks));
    }
    return each.buffer(perStatement);
  }

  /** The first statement this insert would run, for inspection. */
  InsertQuery firstStatement(List<R> sample) {
    return InsertRows.build(table, sample, false, null, writes.clock());
  }
}
