package dev.sluice.query;

import dev.sluice.error.SluiceException;
import dev.sluice.internal.Executor;
import dev.sluice.internal.RowReader;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Field;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The terminals every SELECT shares ({@code fetch}, {@code fetchOne}, {@code paginate}, set
 * operations); the steps that shape it are {@link SelectShape}'s. Immutable: each step returns a
 * new query, so a built query can be kept, shared and subscribed to again. Nothing touches the
 * database before subscription.
 *
 * @param <T> the row type produced
 * @param <S> the concrete builder type
 */
public abstract class SelectBase<T, S extends SelectBase<T, S>> extends SelectShape<S> {

  SelectBase(Executor executor, SelectQuery query, int fetchSize) {
    super(executor, query, fetchSize);
  }

  abstract RowReader<T> reader();

  /**
   * The rows as the caller gets them: through the table's {@code afterFetch} hooks for
   * {@code selectFrom(table)}, unchanged for every other query.
   */
  Flux<T> afterFetch(Flux<T> rows) { return rows; }

  /** True when {@link #afterFetch} changes the rows (a table with afterFetch hooks). */
  boolean hasAfterFetch() { return false; }

  /**
   * This query through the {@code Database}'s query cache, kept for the cache's default time to
   * live; see {@link Cached}. Needs {@code DatabaseBuilder.cache(...)}.
   */
  public Cached<T> cached() {
    return new Cached<>(executor, query, reader(), fetchSize, null, Set.of(),
        hasAfterFetch() ? this::afterFetch : null);
  }

  /** {@link #cached()} kept for {@code ttl}, and dropped with any of {@code tags} ({@code db.invalidateTags}). */
  public Cached<T> cached(java.time.Duration ttl, String... tags) {
    java.util.Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("A cache time to live must be positive, was " + ttl);
    }
    return new Cached<>(executor, query, reader(), fetchSize, ttl, Set.of(tags),
        hasAfterFetch() ? this::afterFetch : null);
  }

  /** Streams the rows with backpressure. Cold: the query runs on subscription. */
  public Flux<T> fetch() {
    return afterFetch(run(reader()));
  }

  /**
   * Every row, as one list. The rows are held whole anyway, so a driver that streams by cursor
   * reads them in one execution instead (r2dbc-vertx outside a transaction: no {@code BEGIN},
   * fetch, {@code COMMIT}, one round trip rather than two); the fetch size is not applied. For a
   * result that may not fit in memory, stream it with {@link #fetch()}.
   *
   * <pre>{@code
   * Mono<List<City>> all = db.selectFrom(CITIES).where(eq(CITIES.countryId, 1)).fetchList();
   * }</pre>
   */
  public Mono<List<T>> fetchList() {
    return hasAfterFetch() ? afterFetch(gathered(reader())).collectList() : gatheredList(reader());
  }

  /**
   * The only row, or empty. Fails with {@link dev.sluice.error.TooManyRowsException} when the query
   * returns more than one row.
   */
  public Mono<T> fetchOne() {
    SelectQuery q = query.limit() == null ? query.withLimit(new Param<>(2L, LONG)) : query;
    Mono<List<T>> few = hasAfterFetch() ? afterFetch(single(q, reader())).take(2).collectList()
        : executor.fetchFew(q, reader(), 2, fetchSize);
    return few.flatMap(rows -> {
      if (rows.size() > 1) {
        String sql = executor.dialect().render(query).sql();
        return Mono.error(new dev.sluice.error.TooManyRowsException("fetchOne() expected at most one row but "
            + "the query returned more: " + sql, sql));
      }
      return Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0));
    });
  }

  /** The first row, or empty; the rest of the result is not read. */
  public Mono<T> fetchFirst() {
    SelectQuery q = query.limit() == null ? query.withLimit(new Param<>(1L, LONG)) : query;
    if (hasAfterFetch()) {
      return afterFetch(single(q, reader())).next();
    }
    return executor.fetchFew(q, reader(), 1, fetchSize).flatMap(rows -> Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0)));
  }

  /**
   * Runs a query that reads a row or two: the database-wide streaming fetch size is not applied,
   * because a cursored fetch costs PostgreSQL a second round trip.
   */
  private <X> Flux<X> single(SelectQuery q, RowReader<X> reader) {
    return executor.query(q, reader, fetchSize);
  }

  /**
   * Page {@code page} of {@code size} rows, and the total number of rows over all pages. Pages are
   * numbered from 0: {@code paginate(0, 20)} is rows 1 to 20, {@code paginate(2, 20)} rows 41 to 60.
   * Order the query first, or pages are not stable.
   *
   * <p>One statement: the total rides along with the page as {@code COUNT(*) OVER ()}, which counts
   * after {@code GROUP BY} and {@code HAVING}. Two in two cases: a {@code distinct()} query (the
   * window would count before DISTINCT) and an empty page past the end, whose total is counted as
   * {@code SELECT COUNT(*) FROM (query) AS "counted"}, unless the page itself shows where the rows
   * end (a short, non-empty page, or an empty first page).
   *
   * <pre>{@code
   * Mono<Page<Country>> p = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).paginate(2, 10);
   * // SELECT "id", "name", COUNT(*) OVER () FROM "countries" ORDER BY "name" LIMIT $1 OFFSET $2
   * }</pre>
   *
   * @param page the 0-based page number
   * @param size the rows per page, at least 1
   */
  public Mono<Page<T>> paginate(int page, int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page must be >= 0 and size >= 1, was " + page + ", " + size);
    }
    SelectQuery slice = query.withLimit(new Param<>((long) size, LONG))
        .withOffset(new Param<>((long) page * size, LONG));
    RowReader<T> items = reader();
    if (query.distinct()) {
      return afterFetch(executor.query(slice, items, 0)).collectList()
          .flatMap(list -> total(list, page, size).map(n -> new Page<>(list, page, size, n)));
    }
    int width = query.select().size();
    List<dev.sluice.sql.Expr<?>> select = new ArrayList<>(query.select());
    select.add(Functions.sql(Long.class, "COUNT(*) OVER ()").expr());
    return executor.query(slice.withSelect(select), row -> new Object[] {items.read(row),
            Functions.LONG.fromDriver(row.get(width, Object.class))}, 0)
        .collectList()
        .flatMap(rows -> {
          List<T> read = new ArrayList<>(rows.size());
          rows.forEach(r -> read.add(cast(r[0])));
          return afterFetch(Flux.fromIterable(read)).collectList().flatMap(list ->
              rows.isEmpty() ? total(list, page, size).map(n -> new Page<>(list, page, size, n))
                  : Mono.just(new Page<>(list, page, size, (Long) rows.get(0)[1])));
        });
  }

  /**
   * The total behind a page read without one: known from the page when it is short and not empty
   * (the last page) or empty at page 0, else counted by a second statement.
   */
  private Mono<Long> total(List<T> list, int page, int size) {
    if (list.size() < size && (!list.isEmpty() || page == 0)) {
      return Mono.just((long) page * size + list.size());
    }
    DataType<Long> total = Functions.LONG;
    return executor.query(new dev.sluice.sql.CountQuery(query),
        row -> total.fromDriver(row.get(0, Object.class)), 0).next();
  }

  /**
   * How many rows this query returns, in one statement (after its {@code DISTINCT}, {@code GROUP BY}
   * and {@code HAVING}; its ordering and paging do not count).
   *
   * <pre>{@code
   * Mono<Long> n = db.selectFrom(USERS).where(isNotNull(USERS.phone)).count();
   * // PostgreSQL: SELECT COUNT(*) FROM (SELECT "id", ... FROM "users" WHERE "phone" IS NOT NULL) AS "counted"
   * }</pre>
   */
  public Mono<Long> count() {
    DataType<Long> total = Functions.LONG;
    return Mono.defer(() -> executor.query(new dev.sluice.sql.CountQuery(query),
        row -> total.fromDriver(row.get(0, Object.class)), 0).next().defaultIfEmpty(0L));
  }

  /**
   * Whether this query returns any row: one statement reading at most one row of a constant.
   *
   * <pre>{@code
   * Mono<Boolean> taken = db.selectFrom(USERS).where(eq(USERS.email, "dan@x.io")).exists();
   * // PostgreSQL: SELECT 1 FROM "users" WHERE "email" = $1 LIMIT $2
   * }</pre>
   */
  public Mono<Boolean> exists() {
    return Mono.defer(() -> executor.fetchFew(existsQuery(), row -> Boolean.TRUE, 1, 0)).map(rows -> !rows.isEmpty());
  }

  /** The statement {@link #exists()} runs. */
  final SelectQuery existsQuery() {
    return query.withSelect(List.of(Functions.sql(Integer.class, "1").expr()))
        .withOrderBy(List.of()).withLimit(new Param<>(1L, LONG));
  }

  /**
   * The rows in lists of {@code size} (the last may be shorter), for batch jobs: one streaming
   * statement whose rows are fetched {@code size} at a time with backpressure, so a slow consumer
   * holds at most a few chunks in memory. Order the query for a stable chunking.
   *
   * <pre>{@code
   * db.selectFrom(USERS).orderBy(USERS.id).chunks(500).concatMap(batch -> mailer.send(batch));
   * }</pre>
   */
  public Flux<List<T>> chunks(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunks(size) needs a size of at least 1, was " + size);
    }
    return afterFetch(executor.query(query, reader(), fetchSize > 0 ? fetchSize : size)).buffer(size);
  }

  /** {@code this UNION other} (duplicates removed). */
  public Compound<T> union(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.UNION, other); }

  /** {@code this UNION ALL other}. */
  public Compound<T> unionAll(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.UNION_ALL, other); }

  /** {@code this INTERSECT other}. */
  public Compound<T> intersect(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.INTERSECT, other); }

  /** {@code this EXCEPT other}. */
  public Compound<T> except(SelectBase<T, ?> other) { return Compound.of(this, dev.sluice.sql.CompoundSelect.SetOp.EXCEPT, other); }

  final <X> Flux<X> run(RowReader<X> reader) {
    return executor.query(query, reader, fetchSize > 0 ? fetchSize : executor.fetchSize());
  }

  /** {@link #run} for a caller that gathers every row ({@code fetchList}): see {@link Executor#queryGathered}. */
  final <X> Flux<X> gathered(RowReader<X> reader) {
    return executor.queryGathered(query, reader);
  }

  /** {@link #gathered} as one list, in one operator where nothing wraps the statement. */
  final <X> Mono<List<X>> gatheredList(RowReader<X> reader) {
    return executor.fetchGathered(query, reader);
  }

}
