package dev.sluice.redis;

import dev.sluice.error.IllegalUseException;
import dev.sluice.redis.internal.Exec;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * What every key of a family can do, whatever it holds: delete, exists, expiry. The operations of
 * each structure ({@link ValueOps}, {@link HashOps}, {@link ListOps}, {@link SetOps},
 * {@link SortedSetOps}, {@link CounterOps}) extend it. Every method is cold: nothing is sent before
 * subscription, and subscribing again sends the command again.
 */
public abstract class KeyOps {
  final Exec exec;
  final String family;

  KeyOps(Exec exec, String family) {
    this.exec = exec;
    this.family = family;
  }

  /** {@code DEL}: true when the key existed. */
  public Mono<Boolean> delete(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("DEL", family, c -> c.del(key)).map(n -> n > 0);
  }

  /** {@code EXISTS}. */
  public Mono<Boolean> exists(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("EXISTS", family, c -> c.exists(key)).map(n -> n > 0);
  }

  /** {@code PEXPIRE}: the key expires after {@code ttl}; false when there is no such key. */
  public Mono<Boolean> expire(String id, Duration ttl) {
    long ms = millis(ttl);
    byte[] key = exec.key(family, id);
    return exec.mono("PEXPIRE", family, c -> c.pexpire(key, ms));
  }

  /** {@code PERSIST}: the key no longer expires; false when it had no expiry or does not exist. */
  public Mono<Boolean> persist(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("PERSIST", family, c -> c.persist(key));
  }

  /** {@code PTTL}: the time the key has left; empty when it does not exist or never expires. */
  public Mono<Duration> ttl(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("PTTL", family, c -> c.pttl(key)).filter(ms -> ms >= 0).map(Duration::ofMillis);
  }

  /** A positive time to live in milliseconds, or an IllegalUseException naming the value. */
  static long millis(Duration ttl) {
    if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.toMillis() == 0) {
      throw new IllegalUseException("A Redis TTL must be at least one millisecond, was " + ttl);
    }
    return ttl.toMillis();
  }
}
