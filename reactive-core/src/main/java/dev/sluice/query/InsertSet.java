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
import reactor.core.publisher.Mono;

/**
 * An insert of one partial row, column by column, each value typed by its column; the columns not
 * set get their database default. Immutable: each {@code set} returns a new insert.
 *
 * <pre>{@code
 * Mono<User> dan = db.insertInto(USERS).set(USERS.fullName, "Dan").set(USERS.phone, "555").returning();
 * // PostgreSQL: INSERT INTO "users" ("full_name", "phone") VALUES ($1, $2) RETURNING "id", ...
 * }</pre>
 *
 * @param <R> the row record
 */
public final class InsertSet<R> {
  private final Executor executor;
  private final Values<R> values;
  private final Upsert upsert;
  private final WriteContext writes;

  InsertSet(Executor executor, Values<R> values, Upsert upsert, WriteContext writes) {
    this.executor = executor;
    this.values = values;
    this.upsert = upsert;
    this.writes = writes;
  }

  /** Adds {@code column = value} (bound); a column may be set once. */
  public <T> InsertSet<R> set(Column<T> column, T value) {
    return new InsertSet<>(executor, values.set(column, value), upsert, writes);
  }

  /**
   * Makes this an upsert keyed on {@code columns} (a unique key): choose doNothing or doUpdate next;
   * only columns this insert sets can be overwritten.
   */
  public OnConflict<InsertSet<R>> onConflict(Column<?>... columns) {
    return InsertRows.onConflict(values.table(), columns, values.columns(),
        u -> new InsertSet<>(executor, values, u, writes));
  }

  /** Inserts and emits the number of rows inserted (1, or 0 for an upsert that did nothing). */
  public Mono<Long> execute() {
    return Mono.defer(() -> {
      validate();
      return executor.update(query(false), true);
    });
  }

  /** The database's validator on the values set (partial rows run no {@code beforeInsert} hook). */
  private void validate() {
    if (writes.validator() != null) {
      ModelChecks.validateValues(values, writes.validator());
    }
  }

  /** Inserts and emits the row as stored, with the database's defaults filled in. */
  public Mono<R> returning() {
    return Mono.defer(() -> {
      validate();
      return Mono.empty();
    }).then(Mono.defer(() -> executor.query(query(true),
        Readers.record(InsertRows.mapping(values.table())), 0).single()));
  }

  /** The SQL this insert renders to; needs no connection. */
  public RenderedSql toSql(Dialect dialect) {
    return dialect.render(query(false));
  }

  private InsertQuery query(boolean returning) {
    return InsertRows.buildPartial(values.table(), List.of(values), returning, upsert, writes.clock());
  }

  /** The table inserted into. */
  Table<R> table() { return values.table(); }
}
