package dev.sluice.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.sluice.cache.CachedRows;
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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CachedReads.class);
  /** How long a just-stored result is handed to reads that missed the cache as it was being stored. */
  private static final long JUST_STORED_NANOS = Duration.ofMillis(100).toNanos();

  private final QueryCache cache;
  private final StatementTables tables = new StatementTables();
  private final Map<String, Load> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> writes = new ConcurrentHashMap<>();
  private final AtomicLong everything = new AtomicLong();
  /** Results stored so far: a read notes the count before it looks in the cache. */
  private final AtomicLong stores = new AtomicLong();

  private final Cache<String, Load> justStored = Caffeine.newBuilder()
      .maximumSize(10_000)
      .executor(Runnable::run)
      .expireAfter(new Expiry<String, Load>() {
        @Override public long expireAfterCreate(String key, Load load, long now) {
          return load.ttl() == null ? JUST_STORED_NANOS : Math.min(JUST_STORED_NANOS, load.ttl().toNanos());
        }

        @Override public long expireAfterUpdate(String key, Load load, long now, long current) {
          return expireAfterCreate(key, load, now);
        }

        @Override public long expireAfterRead(String key, Load load, long now, long current) {
          return current;
        }
      })
      .build();

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
   * (stored for {@code ttl} with {@code tags} afterwards). The cache failing to answer or to store
   * is logged and the read goes on: a cache is never the reason a read fails.
   */
  Mono<CachedRows> read(String dialect, Statement statement, RenderedSql sql, Duration ttl, Set<String> tags,
      Mono<CachedRows> load) {
    QueryCache c = cache();
    String key = key(dialect, sql);
    Set<String> read = tables.read(statement);
    return Mono.defer(() -> {
      long seen = stores.get();
      Mono<CachedRows> hit = c.get(key).onErrorResume(e -> {
        LOG.warn("Query cache read failed, reading from the database instead: {}", e.toString());
        return Mono.empty();
      });
      return hit.switchIfEmpty(Mono.defer(() -> loadOrJoin(c, key, read, ttl, tags, load, seen)));
    });
  }

  private Mono<CachedRows> loadOrJoin(QueryCache c, String key, Set<String> read, Duration ttl, Set<String> tags,
      Mono<CachedRows> load, long seen) {
    return inFlight.compute(key, (k, running) -> {
      // join a load only if nothing it reads was written since it started: a read that begins after
      // a write has completed must not get the rows of a load that began before it
      if (running != null && unchangedSince(read, running.before())) {
        return running;
      }
      // a load whose rows were stored after this read looked in the cache: the read missed them
      // only because it looked just before (a store that completed before it looked, and is not
      // in the cache now, was dropped since: by an invalidation here or elsewhere, or evicted)
      Load stored = justStored.getIfPresent(k);
      if (stored != null && stored.stored() > seen && unchangedSince(read, stored.before())) {
        return stored;
      }
      long[] before = stamps(read);
      Load[] self = new Load[1];
      Mono<CachedRows> rows = load
          .flatMap(r -> unchangedSince(read, before) ? store(c, k, r, read, tags, ttl, before) : Mono.just(r))
          // gone from the map before anyone hears the result, so a later read never joins a finished load
          .doOnTerminate(() -> inFlight.remove(k, self[0]))
          .cache();
      self[0] = new Load(rows, before, ttl, 0);
      return self[0];
    }).rows();
  }

  private Mono<CachedRows> store(QueryCache c, String key, CachedRows r, Set<String> read, Set<String> tags,
      Duration ttl, long[] before) {
    return c.put(key, r, read, tags, ttl)
        .doOnSuccess(x -> justStored.put(key, new Load(Mono.just(r), before, ttl, stores.incrementAndGet())))
        .onErrorResume(e -> {
          LOG.warn("Query cache could not store a result, which stays uncached: {}", e.toString());
          return Mono.empty();
        })
        .thenReturn(r);
  }

  /**
   * A load in flight or just finished: its result, shared by the reads that join it, the write
   * stamps it started at, the time to live it was cached for and, once stored, the number of its
   * store (0 before).
   */
  private record Load(Mono<CachedRows> rows, long[] before, Duration ttl, long stored) { }

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
    if (statement instanceof RawStatement raw) {
      return raw.reads() ? Set.of() : raw.writes();
    }
    return Set.of();
  }

  Mono<Void> invalidateTables(Set<String> names) {
    if (cache == null || names.isEmpty()) {
      return Mono.empty();
    }
    for (String n : names) {
      writes.computeIfAbsent(n, x -> new AtomicLong()).incrementAndGet();
    }
    return logged(cache.invalidateTables(names), "tables " + names);
  }

  /** Drops the entries given one of {@code tags}; no load in flight stores what it read before. */
  Mono<Void> invalidateTags(Set<String> names) {
    if (cache == null || names.isEmpty()) {
      return Mono.empty();
    }
    everything.incrementAndGet();
    return logged(cache.invalidateTags(names), "tags " + names);
  }

  Mono<Void> invalidateAll() {
    if (cache == null) {
      return Mono.empty();
    }
    everything.incrementAndGet();
    return logged(cache.invalidateAll(), "everything");
  }

  /**
   * An invalidation whose failure (a cache server unreachable) is logged at ERROR and does not fail
   * the write that caused it, which has already happened: the entries it should have dropped live
   * on until their time to live ends.
   */
  private static Mono<Void> logged(Mono<Void> invalidation, String what) {
    return invalidation.onErrorResume(e -> {
      LOG.error("Query cache invalidation of {} failed; its entries stay until their time to live ends: {}",
          what, e.toString());
      return Mono.empty();
    });
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
