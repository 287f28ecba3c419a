package dev.sluice.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A {@link QueryCache} in this JVM's memory, on Caffeine: bounded by entry count (default 10,000)
 * or by the rows all entries hold ({@link Builder#maximumRows}),
 * each entry expiring after its own time to live (default 5 minutes), and indexed by table and tag
 * so that an invalidation drops exactly the entries concerned, without a scan.
 *
 * <pre>{@code
 * QueryCache cache = InMemoryQueryCache.builder().maximumSize(50_000).defaultTtl(Duration.ofMinutes(1)).build();
 * }</pre>
 */
public final class InMemoryQueryCache implements QueryCache {
  private final Cache<String, Entry> entries;
  private final Duration defaultTtl;
  private final Map<String, Set<String>> byTable = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byTag = new ConcurrentHashMap<>();

  private InMemoryQueryCache(Builder b) {
    this.defaultTtl = b.defaultTtl;
    Caffeine<Object, Object> caffeine = Caffeine.newBuilder();
    if (b.maximumRows > 0) {
      caffeine.maximumWeight(b.maximumRows).weigher((String key, Entry e) -> Math.max(1, e.rows.size()));
    } else {
      caffeine.maximumSize(b.maximumSize);
    }
    this.entries = caffeine
        .expireAfter(new Expiry<String, Entry>() {
          @Override public long expireAfterCreate(String key, Entry e, long now) {
            return e.ttl.toNanos();
          }

          @Override public long expireAfterUpdate(String key, Entry e, long now, long current) {
            return e.ttl.toNanos();
          }

          @Override public long expireAfterRead(String key, Entry e, long now, long current) {
            return current;
          }
        })
        // the index is cleaned on the thread that removed the entry, at once: cleaned later, on
        // another thread, it would take the key out of the index of a newer entry for the same key,
        // which a later invalidation of its table would then miss (a stale read)
        .executor(Runnable::run)
        .removalListener((String key, Entry e, RemovalCause cause) -> {
          if (key != null && e != null && cause != RemovalCause.REPLACED) {
            unindex(key, e);
          }
        })
        .build();
  }

  /** An in-memory cache with the defaults (10,000 entries, 5 minutes). */
  public static Builder builder() {
    return new Builder();
  }

  @Override public Mono<CachedRows> get(String key) {
    return Mono.fromSupplier(() -> {
      Entry e = entries.getIfPresent(key);
      return e == null ? null : e.rows;
    });
  }

  @Override public Mono<Void> put(String key, CachedRows rows, Set<String> tables, Set<String> tags, Duration ttl) {
    return Mono.fromRunnable(() -> {
      Entry e = new Entry(rows, Set.copyOf(tables), Set.copyOf(tags), ttl == null ? defaultTtl : ttl);
      for (String t : e.tables) {
        byTable.computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet()).add(key);
      }
      for (String t : e.tags) {
        byTag.computeIfAbsent(t, x -> ConcurrentHashMap.newKeySet()).add(key);
      }
      entries.put(key, e);
    });
  }

  @Override public Mono<Void> invalidateTables(Set<String> tables) {
    return Mono.fromRunnable(() -> drop(byTable, tables));
  }

  @Override public Mono<Void> invalidateTags(Set<String> tags) {
    return Mono.fromRunnable(() -> drop(byTag, tags));
  }

  @Override public Mono<Void> invalidateAll() {
    return Mono.fromRunnable(entries::invalidateAll);
  }

  /** How many entries are cached now (after pending evictions). */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private void drop(Map<String, Set<String>> index, Set<String> names) {
    for (String name : names) {
      Set<String> keys = index.remove(name);
      if (keys != null) {
        entries.invalidateAll(keys);
      }
    }
  }

  private void unindex(String key, Entry e) {
    for (String t : e.tables) {
      Set<String> keys = byTable.get(t);
      if (keys != null) {
        keys.remove(key);
      }
    }
    for (String t : e.tags) {
      Set<String> keys = byTag.get(t);
      if (keys != null) {
        keys.remove(key);
      }
    }
  }

  /** One cached result. */
  private record Entry(CachedRows rows, Set<String> tables, Set<String> tags, Duration ttl) { }

  /** Options of an {@link InMemoryQueryCache}. */
  public static final class Builder {
    private long maximumSize = 10_000;
    private long maximumRows;
    private Duration defaultTtl = Duration.ofMinutes(5);

    private Builder() { }

    /** Most entries kept; the least recently used go first (default 10,000; ignored with {@link #maximumRows}). */
    public Builder maximumSize(long entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("maximumSize must be >= 1, was " + entries);
      }
      this.maximumSize = entries;
      return this;
    }

    /**
     * Bounds the cache by the rows its entries hold instead of by their count (an entry of no row
     * weighs one): what a cache of results of very different sizes should use.
     */
    public Builder maximumRows(long rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("maximumRows must be >= 1, was " + rows);
      }
      this.maximumRows = rows;
      return this;
    }

    /** How long an entry cached without a time to live of its own lives (default 5 minutes). */
    public Builder defaultTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("defaultTtl must be positive, was " + ttl);
      }
      this.defaultTtl = ttl;
      return this;
    }

    public InMemoryQueryCache build() {
      return new InMemoryQueryCache(this);
    }
  }
}
