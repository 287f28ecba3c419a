package dev.sluice.query;

import dev.sluice.error.UniqueViolationException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.internal.Executor;
import dev.sluice.schema.Column;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** {@code save} and {@code firstOrInsert}: writes of a whole record decided by what the database holds. */
final class Saves {
  private Saves() {}

  /**
   * Inserts {@code record} when its primary key is not given (the database generates it), else
   * inserts or updates the row with that key in one upsert statement; emits the row as stored.
   */
  static <R> Mono<R> save(QueryFactory queries, Table<R> table, R original) {
    Objects.requireNonNull(original, "record");
    QueryFactory.refuseView(table, "INSERT INTO");
    R record = withoutGenerated(table, original);
    List<Column<?>> pk = table.meta().primaryKey();
    if (pk.isEmpty()) {
      throw new IllegalArgumentException("save(...) needs a primary key: table " + table.name()
          + " has none; use insertInto(...).values(...).onConflict(...) instead");
    }
    RecordMapping<R> m = InsertRows.mapping(table);
    boolean keyGiven = true;
    for (Column<?> c : pk) {
      keyGiven &= m.get(record, m.columns().indexOf(c)) != null;
    }
    InsertOne<R> insert = queries.insertInto(table).values(record);
    if (!keyGiven) {
      return insert.returning();
    }
    Column<?> version = table.meta().version();
    if (version != null) {
      if (m.get(record, m.columns().indexOf(version)) == null) {
        return insert.returning(); // a new row with a key of its own: version 1
      }
      KeyedUpdate<R> update = queries.update(table).byKey(record);
      return queries.executor().inTransaction(() -> update.execute().then(byKey(queries, table, record, pk)
          .fetchOne())).next();
    }
    InsertOne<R> upsert = insert.onConflict(pk.toArray(Column<?>[]::new)).doUpdateAll();
    if (returnsFromUpsert(queries.executor(), upsert)) {
      return upsert.returning();
    }
    SelectFrom<R> stored = byKey(queries, table, record, pk);
    return queries.executor().inTransaction(() -> upsert.execute().then(stored.fetchOne())).next();
  }

  /**
   * {@code record} with the components of generated columns set to null: a record read back holds
   * what the database computed, which a save leaves to the database again.
   */
  private static <R> R withoutGenerated(Table<R> table, R record) {
    RecordMapping<R> m = InsertRows.mapping(table);
    List<Column<?>> columns = m.columns();
    Object[] values = null;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).isGeneratedAlways() && m.get(record, i) != null) {
        if (values == null) {
          values = new Object[columns.size()];
          for (int j = 0; j < values.length; j++) {
            values[j] = m.get(record, j);
          }
        }
        values[i] = null;
      }
    }
    return values == null ? record : m.newInstance(values);
  }

  private static <R> SelectFrom<R> byKey(QueryFactory queries, Table<R> table, R record, List<Column<?>> pk) {
    RecordMapping<R> m = InsertRows.mapping(table);
    List<Condition> byKey = new ArrayList<>(pk.size());
    for (Column<?> c : pk) {
      byKey.add(keyEquals(c, m.get(record, m.columns().indexOf(c))));
    }
    return queries.selectFrom(table).where(Dsl.and(byKey.toArray(Condition[]::new)));
  }

  /** Whether the dialect can return the row from this upsert (H2's MERGE cannot: read it back). */
  private static boolean returnsFromUpsert(Executor executor, InsertOne<?> upsert) {
    try {
      executor.render(upsert.statement(true), true);
      return true;
    } catch (UnsupportedByDialectException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  static <T> Condition keyEquals(Column<T> column, Object value) {
    return Dsl.eq(column, (T) value);
  }

  /**
   * The first row matching {@code where}, or {@code record} inserted when there is none. When a
   * concurrent caller inserts the same unique key first, the insert's unique violation is answered
   * with that caller's row (inside a transaction the insert runs under a savepoint, so the
   * transaction stays usable).
   */
  static <R> Mono<R> firstOrInsert(QueryFactory queries, Table<R> table, Condition where, R record) {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(record, "record");
    SelectFrom<R> first = queries.selectFrom(table).where(where);
    Executor executor = queries.executor();
    Mono<R> insert = queries.insertInto(table).values(record).returning();
    // inside a transaction the insert gets a savepoint, so that its unique violation leaves the
    // transaction usable (PostgreSQL aborts the whole transaction otherwise) for the second read
    Mono<R> guarded = executor.inTransactionNow()
        .flatMap(inTx -> inTx ? executor.inTransaction(() -> insert).next() : insert);
    return first.fetchFirst().switchIfEmpty(Mono.defer(() -> guarded
        .onErrorResume(UniqueViolationException.class,
            e -> first.fetchFirst().switchIfEmpty(Mono.error(e)))));
  }
}
