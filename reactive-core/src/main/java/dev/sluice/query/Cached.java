package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.RowReader;
import dev.sluice.sql.SelectQuery;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A SELECT whose result comes from the {@code Database}'s query cache when it is there, else from
 * the database, and is then kept for its time to live: {@code query.cached(ttl, tags...)}. The whole
 * result is read and kept (a list): cache what fits in memory. A write through the same
 * {@code Database} to a table the query reads drops it (on commit, inside a transaction), as does
 * {@code db.invalidate(table)} or {@code db.invalidateTags(tag)}. Inside a transaction the cache is
 * bypassed. Immutable and cold, as every query.
 *
 * <pre>{@code
 * Mono<List<Country>> all = db.selectFrom(COUNTRIES).orderBy(COUNTRIES.name)
 *     .cached(Duration.ofMinutes(10), "reference-data").list();
 * }</pre>
 *
 * @param <T> the row type
 */
public final class Cached<T> {
  private final Executor executor;
  private final SelectQuery query;
  private final RowReader<T> reader;
  private final int fetchSize;
  private final Duration ttl;
  private final Set<String> tags;
  /** The table's afterFetch hooks over the rows read, or null when there are none. */
  private final java.util.function.UnaryOperator<Flux<T>> afterFetch;

  Cached(Executor executor, SelectQuery query, RowReader<T> reader, int fetchSize, Duration ttl, Set<String> tags,
      java.util.function.UnaryOperator<Flux<T>> afterFetch) {
    this.afterFetch = afterFetch;
    this.executor = executor;
    this.query = query;
    this.reader = reader;
    this.fetchSize = fetchSize;
    this.ttl = ttl;
    this.tags = tags;
  }

  /**
   * The rows, from the cache or the database. The cache keeps the rows as read; a table's
   * {@code afterFetch} hooks run on them at every read, as on a query that is not cached.
   */
  public Mono<List<T>> list() {
    Mono<List<T>> rows = executor.cachedQuery(query, reader, fetchSize, ttl, tags);
    java.util.function.UnaryOperator<Flux<T>> after = afterFetch;
    return after == null ? rows : rows.flatMap(read -> after.apply(Flux.fromIterable(read)).collectList());
  }

  /** The rows one by one (from the cached list). */
  public Flux<T> fetch() {
    return list().flatMapIterable(rows -> rows);
  }

  /**
   * The only row, or empty; fails with {@link dev.sluice.error.TooManyRowsException} when there are
   * more (the query is cached as written: give it a {@code where} on a key).
   */
  public Mono<T> fetchOne() {
    return list().flatMap(rows -> {
      if (rows.size() > 1) {
        String sql = executor.dialect().render(query).sql();
        return Mono.error(new dev.sluice.error.TooManyRowsException("fetchOne() expected at most one row but "
            + "the query returned more: " + sql, sql));
      }
      return Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0));
    });
  }

  /** The first row, or empty. */
  public Mono<T> fetchFirst() {
    return list().flatMap(rows -> Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0)));
  }
}
