package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.Readers;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Upsert;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An insert of many partial rows ({@link Values}), each setting the same columns: multi-row
 * statements as large as the dialect's bind limit allows, on one connection inside one transaction,
 * as for whole records.
 *
 * @param <R> the row record
 */
public final class InsertValues<R> {
  private final Executor executor;
  private final Table<R> table;
  private final List<Values<R>> rows;
  private final int maxRowsPerStatement;
  private final Upsert upsert;
  private final WriteContext writes;

  InsertValues(Executor executor, Table<R> table, List<Values<R>> rows, int maxRowsPerStatement,
      Upsert upsert, WriteContext writes) {
    this.writes = writes;
    this.executor = executor;
    this.table = table;
    this.rows = List.copyOf(rows);
    this.maxRowsPerStatement = maxRowsPerStatement;
    this.upsert = upsert;
    if (!this.rows.isEmpty()) {
      InsertRows.buildPartial(table, this.rows, false, null, writes.clock()); // refuses mismatched rows now
    }
  }

  /** Makes this an upsert keyed on {@code columns} (a unique key): choose doNothing or doUpdate next. */
  public OnConflict<InsertValues<R>> onConflict(Column<?>... columns) {
    List<Column<?>> set = rows.isEmpty() ? List.of() : rows.get(0).columns();
    return InsertRows.onConflict(table, columns, set,
        u -> new InsertValues<>(executor, table, rows, maxRowsPerStatement, u, writes));
  }

  /** Inserts every row and emits how many were inserted (0 for no rows, without a statement). */
  public Mono<Long> execute() {
    if (rows.isEmpty()) {
      return Mono.just(0L);
    }
    return Mono.fromCallable(this::validated).flatMapMany(chunks -> executor.inTransaction(() -> Flux.fromIterable(chunks)
            .concatMap(chunk -> executor.update(InsertRows.buildPartial(table, chunk, false, upsert, writes.clock()), false))))
        .reduce(0L, Long::sum);
  }

  /** Inserts every row and streams them back as stored, database defaults filled in. */
  public Flux<R> returning() {
    if (rows.isEmpty()) {
      return Flux.empty();
    }
    return Mono.fromCallable(this::validated).flatMapMany(chunks -> executor.inTransaction(() -> Flux.fromIterable(chunks)
        .concatMap(chunk -> executor.query(InsertRows.buildPartial(table, chunk, true, upsert, writes.clock()),
            Readers.record(InsertRows.mapping(table)), 0))));
  }

  /** The SQL of the first statement; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(InsertRows.buildPartial(table, chunks().get(0), false, upsert, writes.clock()));
  }

  /** The chunks, every row checked by the database's validator first: nothing is sent on a violation. */
  private List<List<Values<R>>> validated() {
    if (writes.validator() != null) {
      rows.forEach(r -> ModelChecks.validateValues(r, writes.validator()));
    }
    return chunks();
  }

  private List<List<Values<R>>> chunks() {
    int columns = Math.max(1, rows.get(0).columns().size());
    int per = InsertRows.rowsPerStatement(columns,
        executor.dialect().capabilities().maxBindParameters(), maxRowsPerStatement);
    List<List<Values<R>>> out = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i += per) {
      out.add(rows.subList(i, Math.min(rows.size(), i + per)));
    }
    return out;
  }
}
