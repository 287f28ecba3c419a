package dev.sluice.micrometer;

import dev.sluice.cache.CachedRows;
import dev.sluice.cache.QueryCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * A {@link QueryCache} that counts what happens to it: {@code sluice.cache.requests} tagged
 * {@code result=hit|miss}, {@code sluice.cache.puts} and {@code sluice.cache.invalidations} tagged
 * {@code by=table|tag|all}, each tagged {@code db.name}. It wraps the cache the database uses.
 *
 * <pre>{@code
 * QueryCache cache = MeteredQueryCache.of(InMemoryQueryCache.builder().build(), meterRegistry, "orders");
 * Database db = Database.builder().url(url).cache(cache).build();
 * }</pre>
 */
public final class MeteredQueryCache implements QueryCache {
  private final QueryCache cache;
  private final Counter hits;
  private final Counter misses;
  private final Counter puts;
  private final Counter byTable;
  private final Counter byTag;
  private final Counter all;

  private MeteredQueryCache(QueryCache cache, MeterRegistry registry, String database) {
    this.cache = cache;
    this.hits = Counter.builder("sluice.cache.requests").tag("db.name", database).tag("result", "hit")
        .description("cached reads asked for").register(registry);
    this.misses = Counter.builder("sluice.cache.requests").tag("db.name", database).tag("result", "miss")
        .description("cached reads asked for").register(registry);
    this.puts = Counter.builder("sluice.cache.puts").tag("db.name", database)
        .description("results stored").register(registry);
    this.byTable = invalidations(registry, database, "table");
    this.byTag = invalidations(registry, database, "tag");
    this.all = invalidations(registry, database, "all");
  }

  /** {@code cache}, counted in {@code registry} under {@code db.name=database}. */
  public static MeteredQueryCache of(QueryCache cache, MeterRegistry registry, String database) {
    return new MeteredQueryCache(Objects.requireNonNull(cache, "cache"), Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(database, "database"));
  }

  private static Counter invalidations(MeterRegistry registry, String database, String by) {
    return Counter.builder("sluice.cache.invalidations").tag("db.name", database).tag("by", by)
        .description("invalidations applied").register(registry);
  }

  @Override public Mono<CachedRows> get(String key) {
    return cache.get(key).doOnNext(rows -> hits.increment())
        .switchIfEmpty(Mono.fromRunnable(misses::increment));
  }

  @Override public Mono<Void> put(String key, CachedRows rows, Set<String> tables, Set<String> tags, Duration ttl) {
    return cache.put(key, rows, tables, tags, ttl).doOnSuccess(x -> puts.increment());
  }

  @Override public Mono<Void> invalidateTables(Set<String> tables) {
    return cache.invalidateTables(tables).doOnSuccess(x -> byTable.increment());
  }

  @Override public Mono<Void> invalidateTags(Set<String> tags) {
    return cache.invalidateTags(tags).doOnSuccess(x -> byTag.increment());
  }

  @Override public Mono<Void> invalidateAll() {
    return cache.invalidateAll().doOnSuccess(x -> all.increment());
  }
}
