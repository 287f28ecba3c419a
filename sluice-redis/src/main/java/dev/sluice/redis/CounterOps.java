package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import reactor.core.publisher.Mono;

/**
 * Counters: {@code redis.counter(VISITS)} on a {@code RedisKey<Long>}. A counter that does not
 * exist counts from 0; a key holding something that is not an integer fails with
 * {@link RedisCommandException} ({@code ERR value is not an integer}).
 *
 * <pre>{@code
 * Mono<Long> n = redis.counter(VISITS).increment("home");      // INCR app:visits:home
 * }</pre>
 */
public final class CounterOps extends KeyOps {
  CounterOps(Exec exec, RedisKey<Long> key) {
    super(exec, key.prefix());
  }

  /** The count, or empty when the counter does not exist. */
  public Mono<Long> get(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("GET", family, c -> c.get(key)).map(ValueCodec.longs()::decode);
  }

  /** {@code INCR}: the new count. */
  public Mono<Long> increment(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("INCR", family, c -> c.incr(key));
  }

  /** {@code INCRBY}: the new count. */
  public Mono<Long> incrementBy(String id, long delta) {
    byte[] key = exec.key(family, id);
    return exec.mono("INCRBY", family, c -> c.incrby(key, delta));
  }

  /** {@code DECR}: the new count. */
  public Mono<Long> decrement(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("DECR", family, c -> c.decr(key));
  }
}
