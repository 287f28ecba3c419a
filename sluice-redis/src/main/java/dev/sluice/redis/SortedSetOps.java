package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import io.lettuce.core.Range;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sorted sets of typed members with scores: {@code redis.sortedSet(SCORES)}.
 *
 * <pre>{@code
 * redis.sortedSet(SCORES).add("game-1", "ada", 120.0);                // ZADD app:scores:game-1 120.0 ada
 * Flux<Scored<String>> top3 = redis.sortedSet(SCORES).top("game-1", 3);   // ZREVRANGE ... 0 2 WITHSCORES
 * }</pre>
 *
 * @param <V> the members' type
 */
public final class SortedSetOps<V> extends KeyOps {
  private final ValueCodec<V> codec;

  SortedSetOps(Exec exec, RedisKey<V> key) {
    super(exec, key.prefix());
    this.codec = key.codec();
  }

  /** {@code ZADD}: sets the member's score; true when the member was new. */
  public Mono<Boolean> add(String id, V member, double score) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("ZADD", family, c -> c.zadd(key, score, bytes)).map(n -> n > 0);
  }

  /** {@code ZINCRBY}: the member's new score (a new member starts from 0). */
  public Mono<Double> incrementScore(String id, V member, double delta) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("ZINCRBY", family, c -> c.zincrby(key, delta, bytes));
  }

  /** {@code ZSCORE}: empty when the member is not in the set. */
  public Mono<Double> score(String id, V member) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("ZSCORE", family, c -> c.zscore(key, bytes));
  }

  /** {@code ZRANK}: the member's 0-based position by ascending score; empty when absent. */
  public Mono<Long> rank(String id, V member) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("ZRANK", family, c -> c.zrank(key, bytes));
  }

  /** {@code ZRANGEBYSCORE ... WITHSCORES}: the members with {@code min <= score <= max}, ascending. */
  public Flux<Scored<V>> rangeByScore(String id, double min, double max) {
    byte[] key = exec.key(family, id);
    Range<Double> range = Range.create(min, max);
    return exec.flux("ZRANGEBYSCORE", family, c -> c.zrangebyscoreWithScores(key, range))
        .map(sv -> new Scored<>(codec.decode(sv.getValue()), sv.getScore()));
  }

  /** {@code ZREVRANGE 0 n-1 WITHSCORES}: the {@code n} highest scores, highest first. */
  public Flux<Scored<V>> top(String id, int n) {
    byte[] key = exec.key(family, id);
    return exec.flux("ZREVRANGE", family, c -> c.zrevrangeWithScores(key, 0, n - 1L))
        .map(sv -> new Scored<>(codec.decode(sv.getValue()), sv.getScore()));
  }

  /** {@code ZREM}: true when the member was there. */
  public Mono<Boolean> remove(String id, V member) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("ZREM", family, c -> c.zrem(key, bytes)).map(n -> n > 0);
  }

  /** {@code ZCARD}. */
  public Mono<Long> size(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("ZCARD", family, c -> c.zcard(key));
  }
}
