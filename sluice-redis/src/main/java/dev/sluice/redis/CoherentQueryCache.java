package dev.sluice.redis;

import dev.sluice.cache.CachedRows;
import dev.sluice.cache.QueryCache;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps the local query caches of several application instances coherent through Redis pub/sub:
 * each instance keeps its cached reads in a {@link QueryCache} of its own (typically an
 * {@code InMemoryQueryCache}), and every invalidation (a write through that instance's
 * {@code Database}, or {@code invalidate}/{@code invalidateTags}) is applied locally at once and
 * published on a channel that the other instances apply as they receive it. Messages carry only
 * table and tag names, never rows.
 *
 * <p>Pub/sub does not keep messages for a subscriber that is not connected: when the subscription
 * fails (Redis restarted, the connection lost) it is opened again with a back-off, and this
 * instance drops its whole local cache each time it (re)subscribes, so that an invalidation missed
 * in between cannot leave a stale entry behind.
 *
 * <pre>{@code
 * RedisStore redis = RedisStore.connect("redis://cache:6379");
 * CoherentQueryCache cache = CoherentQueryCache.over(redis, "orders-db", InMemoryQueryCache.builder().build());
 * Database db = Database.builder().url(url).cache(cache).build();
 * // ... on shutdown: cache.close()
 * }</pre>
 */
public final class CoherentQueryCache implements QueryCache, AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoherentQueryCache.class);
  private static final RedisChannel<Invalidation> CHANNEL = RedisChannel.of("sluice-cache:", Invalidation.class);

  private final RedisStore redis;
  private final String name;
  private final QueryCache local;
  private final String origin = UUID.randomUUID().toString();
  private final Disposable subscription;

  private CoherentQueryCache(RedisStore redis, String name, QueryCache local) {
    this.redis = redis;
    this.name = name;
    this.local = local;
    this.subscription = Mono.defer(() -> local.invalidateAll())
        .thenMany(redis.subscribe(CHANNEL, name))
        .concatMap(this::apply)
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5))
            .doBeforeRetry(s -> LOG.warn("Query cache invalidations on Redis channel {} interrupted ({}); "
                + "subscribing again, and dropping the local cache", name, s.failure().toString())))
        .subscribe();
  }

  /**
   * A cache keeping {@code local} coherent with the other instances that use the channel
   * {@code name} (one name per database: the instances of one service share it).
   */
  public static CoherentQueryCache over(RedisStore redis, String name, QueryCache local) {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(local, "local");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("The invalidation channel needs a name");
    }
    return new CoherentQueryCache(redis, name, local);
  }

  @Override public Mono<CachedRows> get(String key) {
    return local.get(key);
  }

  @Override public Mono<Void> put(String key, CachedRows rows, Set<String> tables, Set<String> tags, Duration ttl) {
    return local.put(key, rows, tables, tags, ttl);
  }

  @Override public Mono<Void> invalidateTables(Set<String> tables) {
    return local.invalidateTables(tables).then(publish(new Invalidation(origin, Kind.TABLES, List.copyOf(tables))));
  }

  @Override public Mono<Void> invalidateTags(Set<String> tags) {
    return local.invalidateTags(tags).then(publish(new Invalidation(origin, Kind.TAGS, List.copyOf(tags))));
  }

  @Override public Mono<Void> invalidateAll() {
    return local.invalidateAll().then(publish(new Invalidation(origin, Kind.ALL, List.of())));
  }

  /** Stops listening to the other instances. */
  @Override public void close() {
    subscription.dispose();
  }

  /**
   * Publishes; a failure to publish (Redis down) is logged and does not fail the write that caused
   * it: the local cache is already right, and the other instances drop theirs when they subscribe again.
   */
  private Mono<Void> publish(Invalidation message) {
    return redis.publish(CHANNEL, name, message).then()
        .onErrorResume(e -> {
          LOG.warn("Could not publish a query cache invalidation on Redis channel {}: {}", name, e.toString());
          return Mono.empty();
        });
  }

  private Mono<Void> apply(Invalidation message) {
    if (origin.equals(message.origin())) {
      return Mono.empty();
    }
    return switch (message.kind()) {
      case TABLES -> local.invalidateTables(Set.copyOf(message.names()));
      case TAGS -> local.invalidateTags(Set.copyOf(message.names()));
      case ALL -> local.invalidateAll();
    };
  }

  /** What was invalidated. */
  public enum Kind { TABLES, TAGS, ALL }

  /** One invalidation as published: who sent it, what kind, which names. */
  public record Invalidation(String origin, Kind kind, List<String> names) { }
}
