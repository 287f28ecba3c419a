package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.Field;
import dev.sluice.sql.Statement;

/**
 * Where SELECTs start: {@code selectFrom(table)} for whole rows, {@code select(a, b, ...)} for typed
 * projections. Shared by {@link dev.sluice.Database} and {@link CommonTables}.
 */
public abstract class QueryStarts {
  private final QueryFactory queries;

  /**
   * Starts that run on {@code executor}; for {@link dev.sluice.Database}, the one subclass outside
   * this package ({@code Executor} is not exported, so nothing else can call it).
   */
  protected QueryStarts(Executor executor, int maxRowsPerInsert) {
    this(executor, maxRowsPerInsert, java.time.Clock.systemUTC());
  }

  /** As {@link #QueryStarts(Executor, int)}, with the clock that fills timestamp columns. */
  protected QueryStarts(Executor executor, int maxRowsPerInsert, java.time.Clock clock) {
    this(executor, maxRowsPerInsert, clock, null);
  }

  /**
   * As {@link #QueryStarts(Executor, int, java.time.Clock)}, with the validator that checks rows
   * before they are written (null for none).
   */
  protected QueryStarts(Executor executor, int maxRowsPerInsert, java.time.Clock clock,
      dev.sluice.validation.RowValidator validator) {
    this(new QueryFactory(executor, maxRowsPerInsert, new WriteContext(clock, validator)));
  }

  QueryStarts(QueryFactory queries) {
    this.queries = java.util.Objects.requireNonNull(queries, "queries");
  }

  /** {@code WITH table AS (query)} before the SELECTs started from the result; for {@code Database}. */
  protected final CommonTables startWith(Table<?> table, Statement query, boolean recursive) {
    return new CommonTables(queries.with(table, query, recursive));
  }

  /** A raw statement; for {@code Database}. */
  protected final RawQuery startSql(String template, Object... args) {
    return queries.raw(template, args);
  }

  /** {@code INSERT INTO table}; for {@code Database}. */
  protected final <R> InsertInto<R> startInsert(Table<R> table) {
    return queries.insertInto(table);
  }

  /** {@code UPDATE table}; for {@code Database}. */
  protected final <R> UpdateTable<R> startUpdate(Table<R> table) {
    return queries.update(table);
  }

  /** {@code DELETE FROM table}; for {@code Database}. */
  protected final <R> DeleteFrom<R> startDelete(Table<R> table) {
    return queries.deleteFrom(table);
  }

  /** {@code save(table, record)}: insert, or upsert by primary key; for {@code Database}. */
  protected final <R> reactor.core.publisher.Mono<R> startSave(Table<R> table, R record) {
    return Saves.save(queries, table, record);
  }

  /** {@code firstOrInsert(table, where, record)}; for {@code Database}. */
  protected final <R> reactor.core.publisher.Mono<R> startFirstOrInsert(Table<R> table,
      dev.sluice.sql.Condition where, R record) {
    return Saves.firstOrInsert(queries, table, where, record);
  }

  /** The factory that builds the queries. */
  final QueryFactory queries() { return queries; }

  /**
   * {@code SELECT} every mapped column of {@code table}, rows mapped to its record.
   * PostgreSQL: {@code SELECT "id", "name" FROM "countries"}.
   */
  public <R> SelectFrom<R> selectFrom(Table<R> table) { return queries().selectFrom(table); }

  /** A typed projection of one value. */
  public <A> Select1<A> select(Field<A> a) { return queries().select(a); }

  /**
   * A typed projection: {@code db.select(CITIES.id, CITIES.name).from(CITIES).fetch(CityName::new)}.
   * PostgreSQL: {@code SELECT "id", "name" FROM "cities"}.
   */
  public <A, B> Select2<A, B> select(Field<A> a, Field<B> b) { return queries().select(a, b); }

  /** A typed projection of 3 values, read as {@code Row3} or through {@code fetch((a, b, ...) -> ...)}. */
  public <A, B, C> Select3<A, B, C> select(Field<A> a, Field<B> b, Field<C> c) {
    return queries().select(a, b, c);
  }

  /** A typed projection of 4 values, read as {@code Row4} or through {@code fetch((a, b, ...) -> ...)}. */
  public <A, B, C, D> Select4<A, B, C, D> select(Field<A> a, Field<B> b, Field<C> c, Field<D> d) {
    return queries().select(a, b, c, d);
  }

  /** A typed projection of 5 values, read as {@code Row5} or through {@code fetch((a, b, ...) -> ...)}. */
  public <A, B, C, D, E> Select5<A, B, C, D, E> select(Field<A> a, Field<B> b, Field<C> c,
      Field<D> d, Field<E> e) {
    return queries().select(a, b, c, d, e);
  }

  /** A typed projection of 6 values, read as {@code Row6} or through {@code fetch((a, b, ...) -> ...)}. */
  public <A, B, C, D, E, F> Select6<A, B, C, D, E, F> select(Field<A> a, Field<B> b, Field<C> c,
      Field<D> d, Field<E> e, Field<F> f) {
    return queries().select(a, b, c, d, e, f);
  }

  /** A typed projection of 7 values, read as {@code Row7} or through {@code fetch((a, b, ...) -> ...)}. */
  public <A, B, C, D, E, F, G> Select7<A, B, C, D, E, F, G> select(Field<A> a, Field<B> b,
      Field<C> c, Field<D> d, Field<E> e, Field<F> f, Field<G> g) {
    return queries().select(a, b, c, d, e, f, g);
  }

  /** A typed projection of 8 values, read as {@code Row8} or through {@code fetch((a, b, ...) -> ...)}. */
  public <A, B, C, D, E, F, G, H> Select8<A, B, C, D, E, F, G, H> select(Field<A> a, Field<B> b,
      Field<C> c, Field<D> d, Field<E> e, Field<F> f, Field<G> g, Field<H> h) {
    return queries().select(a, b, c, d, e, f, g, h);
  }

}
