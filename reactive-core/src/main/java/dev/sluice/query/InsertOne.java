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
  private final WriteContext writes;
  private final boolean hooks;

  InsertOne(Executor executor, Table<R> table, R row, WriteContext writes) {
    this(executor, table, row, null, writes, true);
  }

  private InsertOne(Executor executor, Table<R> table, R row, dev.sluice.sql.Upsert upsert,
      WriteContext writes, boolean hooks) {
    this.hooks = hooks;
    this.executor = executor;
    this.table = table;
    this.row = row;
    this.upsert = upsert;
    this.writes = writes;
  }

  /** Makes this an upsert keyed on {@code columns} (a unique key): choose doNothing or doUpdate next. */
  public OnConflict<InsertOne<R>> onConflict(dev.sluice.schema.Column<?>... columns) {
    return InsertRows.onConflict(table, columns, u -> new InsertOne<>(executor, table, row, u, writes, hooks));
  }

  /**
   * This insert without the table's {@code beforeInsert} hooks (the database's validator still
   * checks the row).
   */
  public InsertOne<R> withoutHooks() {
    return new InsertOne<>(executor, table, row, upsert, writes, false);
  }

  /**
   * Inserts and emits the number of rows inserted (1). The table's {@code beforeInsert} hooks and
   * the database's validator run first, at subscription; their error fails it with nothing sent.
   */
  public Mono<Long> execute() {
    if (!ModelChecks.neededOnInsert(table, writes, hooks)) {
      return Mono.defer(() -> executor.update(query(false), true));
    }
    return Mono.defer(() -> ModelChecks.beforeInsert(table, row, writes, hooks))
        .flatMap(r -> executor.update(query(r, false), true));
  }

  /** Inserts and emits the row as stored, with generated values (such as a serial id) filled in. */
  public Mono<R> returning() {
    if (!ModelChecks.neededOnInsert(table, writes, hooks)) {
      return Mono.defer(() -> executor.query(query(true),
          Readers.record(InsertRows.mapping(table)), 0).single());
    }
    return Mono.defer(() -> ModelChecks.beforeInsert(table, row, writes, hooks))
        .flatMap(r -> executor.query(query(r, true), Readers.record(InsertRows.mapping(table)), 0).single());
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
    return query(row, returning);
  }

  private InsertQuery query(R r, boolean returning) {
    return InsertRows.build(table, List.of(r), returning, upsert, writes.clock());
  }
}
