package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists of typed values: {@code redis.list(EVENTS)}.
 *
 * <pre>{@code
 * redis.list(EVENTS).push("u1", event);                 // RPUSH app:events:u1 {...}
 * Flux<Event> last10 = redis.list(EVENTS).range("u1", -10, -1);   // LRANGE app:events:u1 -10 -1
 * }</pre>
 *
 * @param <V> the elements' type
 */
public final class ListOps<V> extends KeyOps {
  private final ValueCodec<V> codec;

  ListOps(Exec exec, RedisKey<V> key) {
    super(exec, key.prefix());
    this.codec = key.codec();
  }

  /** {@code RPUSH}: appends; emits the new length. */
  public Mono<Long> push(String id, V value) {
    return pushAll(id, List.of(value));
  }

  /** {@code RPUSH} of many values in one command; emits the new length. */
  public Mono<Long> pushAll(String id, List<V> values) {
    byte[] key = exec.key(family, id);
    byte[][] bytes = values.stream().map(codec::encode).toArray(byte[][]::new);
    return exec.mono("RPUSH", family, c -> c.rpush(key, bytes));
  }

  /** {@code LPUSH}: prepends; emits the new length. */
  public Mono<Long> pushFirst(String id, V value) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(value);
    return exec.mono("LPUSH", family, c -> c.lpush(key, bytes));
  }

  /** {@code LPOP}: removes and emits the first element, empty when the list is empty. */
  public Mono<V> popFirst(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("LPOP", family, c -> c.lpop(key)).map(codec::decode);
  }

  /** {@code RPOP}: removes and emits the last element, empty when the list is empty. */
  public Mono<V> popLast(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("RPOP", family, c -> c.rpop(key)).map(codec::decode);
  }

  /** {@code LRANGE}: the elements from {@code start} to {@code stop} inclusive; negative counts from the end. */
  public Flux<V> range(String id, long start, long stop) {
    byte[] key = exec.key(family, id);
    return exec.flux("LRANGE", family, c -> c.lrange(key, start, stop)).map(codec::decode);
  }

  /** {@code LLEN}. */
  public Mono<Long> size(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("LLEN", family, c -> c.llen(key));
  }

  /** {@code LTRIM}: keeps the elements from {@code start} to {@code stop} inclusive. */
  public Mono<Void> trim(String id, long start, long stop) {
    byte[] key = exec.key(family, id);
    return exec.mono("LTRIM", family, c -> c.ltrim(key, start, stop)).then();
  }
}
