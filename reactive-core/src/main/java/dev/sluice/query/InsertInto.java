package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import java.util.List;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@code db.insertInto(USERS)}: choose what to insert.
 *
 * <pre>{@code
 * Mono<Long> n    = db.insertInto(USERS).values(new User(null, "Andrew", now)).execute();
 * Mono<User> u    = db.insertInto(USERS).values(new User(null, "Dan", now)).returning();
 * Mono<Long> many = db.insertInto(USERS).values(List.of(a, b, c)).execute();
 * Mono<Long> flow = db.insertInto(USERS).values(userFlux).execute();
 * // PostgreSQL: INSERT INTO "users" ("name", "created_at") VALUES ($1, $2), ($3, $4), ...
 * }</pre>
 *
 * @param <R> the row record
 */
public final class InsertInto<R> {
  private final Executor executor;
  private final Table<R> table;
  private final int maxRowsPerStatement;
  private final WriteContext writes;

  InsertInto(Executor executor, Table<R> table, int maxRowsPerStatement, WriteContext writes) {
    this.executor = executor;
    this.table = table;
    this.maxRowsPerStatement = maxRowsPerStatement;
    this.writes = writes;
    InsertRows.mapping(table);
  }

  /**
   * {@code INSERT INTO table (columns) SELECT ...}: the query's values go into {@code columns}, in
   * order; their types must match.
   *
   * <pre>{@code
   * db.insertInto(ARCHIVE).fromSelect(db.select(USERS.id, USERS.fullName).from(USERS).where(...),
   *     ARCHIVE.userId, ARCHIVE.name).execute();
   * }</pre>
   */
  public InsertFromSelect fromSelect(SelectBase<?, ?> query, dev.sluice.schema.Column<?>... columns) {
    for (dev.sluice.schema.Column<?> c : columns) {
      if (c.table() != table) {
        throw new IllegalArgumentException("Column " + c + " does not belong to table " + table.name());
      }
      GeneratedColumns.refuseWrite(c, "INSERT ... SELECT names it");
    }
    return new InsertFromSelect(executor,
        new dev.sluice.sql.InsertSelect(table, List.of(columns), query.query()));
  }

  /**
   * A partial row, column by column: {@code insertInto(USERS).set(USERS.fullName, "Dan")}; the
   * columns not set get their database default.
   */
  public <T> InsertSet<R> set(dev.sluice.schema.Column<T> column, T value) {
    return new InsertSet<>(executor, Values.of(table).set(column, value), null, writes);
  }

  /** One partial row built beforehand ({@link Values}). */
  public InsertSet<R> values(Values<R> row) {
    if (Objects.requireNonNull(row, "row").table() != table) {
      throw new IllegalArgumentException("The values are of table " + row.table().name() + ", not of "
          + table.name());
    }
    return new InsertSet<>(executor, row, null, writes);
  }

  /** Many partial rows, each setting the same columns, sent as multi-row statements, atomically. */
  public InsertValues<R> rows(List<Values<R>> rows) {
    return new InsertValues<>(executor, table, rows, maxRowsPerStatement, null, writes);
  }

  /** One row. */
  public InsertOne<R> values(R row) {
    return new InsertOne<>(executor, table, Objects.requireNonNull(row, "row"), writes);
  }

  /** Many rows, sent as multi-row statements in chunks, atomically. */
  public InsertMany<R> values(List<? extends R> rows) {
    return new InsertMany<>(executor, table, Flux.fromIterable(List.copyOf(rows)), maxRowsPerStatement, writes);
  }

  /** A stream of rows, inserted in chunks as they arrive, atomically. */
  public InsertMany<R> values(Publisher<? extends R> rows) {
    return new InsertMany<>(executor, table, Flux.from(rows), maxRowsPerStatement, writes);
  }
}
