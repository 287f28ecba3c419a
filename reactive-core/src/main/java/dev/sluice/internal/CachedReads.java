package dev.sluice.internal;

import dev.sluice.cache.QueryCache;
import dev.sluice.error.IllegalUseException;
import dev.sluice.sql.Bind;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.InsertSelect;
import dev.sluice.sql.RawStatement;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import dev.sluice.sql.UpdateQuery;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The query cache of one {@code Database}: cached reads go through it, and every write reports the
 * tables it changed. A read is keyed by dialect, SQL and bound values; concurrent misses of one key
 * run the query once (the others wait for its result); an error is never cached. A write outside a
 * transaction drops the entries of its tables before it completes; inside one, the tables are
 * collected and dropped when the transaction commits (nothing is dropped on a rollback). A result
 * whose tables were written while it was being read is not stored, so a read racing a write never
 * caches what the write made stale. A raw statement that is not declared read-only may write
 * anything: it drops the whole cache. Reads inside a transaction bypass the cache (they must see the
 * transaction's own writes).
 */
final class CachedReads {
  private final QueryCache cache;
  private final StatementTables tables = new StatementTables();
  private final Map<String, Load> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> writes = new ConcurrentHashMap<>();
  private final AtomicLong everything = new AtomicLong();

  CachedReads(QueryCache cache) {
    this.cache = cache;
  }

  /** Whether this database has a cache at all. */
  boolean enabled() {
    return cache != null;
  }

  QueryCache cache() {
    if (cache == null) {
      throw new IllegalUseException("This Database has no query cache: build it with "
          + "DatabaseBuilder.cache(InMemoryQueryCache.builder().build()) to use cached(...) or invalidate(...)");
    }
    return cache;
  }

  /**
   * The rows of {@code statement} rendered as {@code sql}: from the cache, or from {@code load}
   * (stored for {@code ttl} with {@code tags} afterwards).
   */
  @SuppressWarnings("unchecked")
  <T> Mono<List<T>> read(String dialect, Statement statement, RenderedSql sql, Duration ttl, Set<String> tags,
      Mono<List<T>> load) {
    QueryCache c = cache();
    String key = key(dialect, sql);
    Set<String> read = tables.read(statement);
    Mono<List<Object>> hit = c.get(key);
    return hit.switchIfEmpty(Mono.defer(() -> inFlight.compute(key, (k, running) -> {
      // join a load only if nothing it reads was written since it started: a read that begins after
      // a write has completed must not get the rows of a load that began before it
      if (running != null && unchangedSince(read, running.before())) {
        return running;
      }
      long[] before = stamps(read);
      Load[] self = new Load[1];
      Mono<List<Object>> rows = ((Mono<List<Object>>) (Mono<?>) load)
          .flatMap(r -> unchangedSince(read, before) ? c.put(k, r, read, tags, ttl).thenReturn(r) : Mono.just(r))
          // gone from the map before anyone hears the result, so a later read never joins a finished load
          .doOnTerminate(() -> inFlight.remove(k, self[0]))
          .cache();
      self[0] = new Load(rows, before);
      return self[0];
    }).rows())).map(rows -> (List<T>) rows);
  }

  /** A load in flight: its result, shared by the reads that join it, and the write stamps it started at. */
  private record Load(Mono<List<Object>> rows, long[] before) { }

  /** What a committed write of {@code statement} makes stale: its table (or, for raw SQL, everything). */
  Mono<Void> wrote(Statement statement) {
    if (cache == null) {
      return Mono.empty();
    }
    Set<String> written = written(statement);
    return written == null ? invalidateAll() : invalidateTables(written);
  }

  /** The tables {@code statement} writes; null when it may write anything (raw SQL). */
  static Set<String> written(Statement statement) {
    if (statement instanceof InsertQuery q) {
      return Set.of(q.table().name());
    }
    if (statement instanceof InsertSelect q) {
      return Set.of(q.table().name());
    }
    if (statement instanceof UpdateQuery q) {
      return Set.of(q.table().name());
    }
    if (statement instanceof DeleteQuery q) {
      return Set.of(q.table().name());
    }
    if (statement instanceof RawStatement raw && raw.reads()) {
      return Set.of();
    }
    return statement instanceof RawStatement ? null : Set.of();
  }

  Mono<Void> invalidateTables(Set<String> names) {
    if (cache == null || names.isEmpty()) {
      return Mono.empty();
    }
    for (String n : names) {
      writes.computeIfAbsent(n, x -> new AtomicLong()).incrementAndGet();
    }
    return cache.invalidateTables(names);
  }

  Mono<Void> invalidateAll() {
    if (cache == null) {
      return Mono.empty();
    }
    everything.incrementAndGet();
    return cache.invalidateAll();
  }

  private long[] stamps(Set<String> read) {
    long[] s = new long[read.size() + 1];
    int i = 0;
    for (String t : read) {
      AtomicLong n = writes.get(t);
      s[i++] = n == null ? 0 : n.get();
    }
    s[i] = everything.get();
    return s;
  }

  private boolean unchangedSince(Set<String> read, long[] before) {
    return Arrays.equals(stamps(read), before);
  }

  /** Dialect, SQL and each bound value with its type, so that 1 and 1L or '1' never share an entry. */
  private static String key(String dialect, RenderedSql sql) {
    StringBuilder k = new StringBuilder(dialect).append('\n').append(sql.sql());
    for (Bind b : sql.binds()) {
      Object v = b.value();
      k.append('\n').append(b.type().getName()).append('=');
      if (v instanceof Object[] array) {
        k.append(Arrays.deepToString(array));
      } else if (v instanceof byte[] bytes) {
        k.append(Arrays.toString(bytes));
      } else {
        k.append(v);
      }
    }
    return k.toString();
  }
}
