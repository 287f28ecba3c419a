package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sets of typed members: {@code redis.set(TAGS)}. Two members are the same when their encoded
 * bytes are (for JSON, the same components in the same order).
 *
 * <pre>{@code
 * redis.set(TAGS).add("post-1", "java");                 // SADD app:tags:post-1 java
 * Mono<Boolean> has = redis.set(TAGS).contains("post-1", "java");   // SISMEMBER
 * }</pre>
 *
 * @param <V> the members' type
 */
public final class SetOps<V> extends KeyOps {
  private final ValueCodec<V> codec;

  SetOps(Exec exec, RedisKey<V> key) {
    super(exec, key.prefix());
    this.codec = key.codec();
  }

  /** {@code SADD}: true when the member was new. */
  public Mono<Boolean> add(String id, V member) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("SADD", family, c -> c.sadd(key, bytes)).map(n -> n > 0);
  }

  /** {@code SADD} of many members in one command: how many were new. */
  public Mono<Long> addAll(String id, Collection<V> members) {
    byte[] key = exec.key(family, id);
    byte[][] bytes = members.stream().map(codec::encode).toArray(byte[][]::new);
    return exec.mono("SADD", family, c -> c.sadd(key, bytes));
  }

  /** {@code SREM}: true when the member was there. */
  public Mono<Boolean> remove(String id, V member) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("SREM", family, c -> c.srem(key, bytes)).map(n -> n > 0);
  }

  /** {@code SISMEMBER}. */
  public Mono<Boolean> contains(String id, V member) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(member);
    return exec.mono("SISMEMBER", family, c -> c.sismember(key, bytes));
  }

  /** {@code SMEMBERS}: every member, in no particular order. */
  public Flux<V> members(String id) {
    byte[] key = exec.key(family, id);
    return exec.flux("SMEMBERS", family, c -> c.smembers(key)).map(codec::decode);
  }

  /**
   * {@code SSCAN}: every member, in cursor steps sent as the subscriber asks for more, for sets too
   * large to read at once. As {@code SSCAN}, a member present throughout is emitted at least once.
   */
  public Flux<V> scanMembers(String id) {
    byte[] key = exec.key(family, id);
    return exec.flux("SSCAN", family, c -> ScanStream.sscan(c, key, ScanArgs.Builder.limit(500))).map(codec::decode);
  }

  /** {@code SCARD}. */
  public Mono<Long> size(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("SCARD", family, c -> c.scard(key));
  }
}
