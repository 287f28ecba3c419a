package dev.sluice.cache;

import java.time.Duration;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Where a {@code Database} keeps the results of cached queries ({@code query.cached(...)}), keyed by
 * their dialect, SQL and bound values, with the tables they read and the tags they were given, so
 * that a write can drop what it made stale. Implementations must be safe for concurrent use and must
 * not block.
 *
 * <pre>{@code
 * Database db = Database.builder().url(url).cache(InMemoryQueryCache.builder().maximumSize(10_000).build()).build();
 * Mono<List<City>> cities = db.selectFrom(CITIES).orderBy(CITIES.name).cached(Duration.ofMinutes(5)).list();
 * }</pre>
 */
public interface QueryCache {
  /**
   * The rows stored under {@code key}, or empty when there are none (never cached, expired or
   * dropped). A failure is treated by the {@code Database} as a miss (logged at WARN): the read then
   * goes to the database.
   */
  Mono<CachedRows> get(String key);

  /**
   * Stores {@code rows} under {@code key} for {@code ttl} (null: the cache's own default), dropped
   * sooner when one of {@code tables} is written or one of {@code tags} invalidated. A cache that
   * keeps rows outside this JVM stores {@link CachedRows#toBytes()}; a failure (such as
   * {@link dev.sluice.error.UncacheableValueException}) leaves the result uncached and is logged by
   * the {@code Database}, and the read still succeeds.
   */
  Mono<Void> put(String key, CachedRows rows, Set<String> tables, Set<String> tags, Duration ttl);

  /** Drops every entry that read one of {@code tables}. */
  Mono<Void> invalidateTables(Set<String> tables);

  /** Drops every entry given one of {@code tags}. */
  Mono<Void> invalidateTags(Set<String> tags);

  /** Drops everything (after a raw statement that may have written anything). */
  Mono<Void> invalidateAll();
}
