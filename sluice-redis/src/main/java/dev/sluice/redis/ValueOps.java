package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The plain values of one key family: {@code redis.value(USERS)}. Values go through the key's
 * codec; a stored value the codec cannot read fails with {@link dev.sluice.error.MappingException}.
 *
 * <pre>{@code
 * redis.value(SESSIONS).set("s-1", session, Duration.ofMinutes(30));   // SET app:session:s-1 {...} PX 1800000
 * Mono<Session> s = redis.value(SESSIONS).get("s-1");                    // GET app:session:s-1
 * Mono<Session> once = redis.value(SESSIONS).getDel("s-1");              // GETDEL: read and remove in one step
 * }</pre>
 *
 * @param <V> the values' type
 */
public final class ValueOps<V> extends KeyOps {
  private final ValueCodec<V> codec;

  ValueOps(Exec exec, RedisKey<V> key) {
    super(exec, key.prefix());
    this.codec = key.codec();
  }

  /** {@code GET}: the value, or empty when there is none. */
  public Mono<V> get(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("GET", family, c -> c.get(key)).map(codec::decode);
  }

  /** {@code SET} without expiry. */
  public Mono<Void> set(String id, V value) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(value);
    return exec.mono("SET", family, c -> c.set(key, bytes)).then();
  }

  /** {@code SET ... PX}: the key expires after {@code ttl}. */
  public Mono<Void> set(String id, V value, Duration ttl) {
    SetArgs args = SetArgs.Builder.px(millis(ttl));
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(value);
    return exec.mono("SET", family, c -> c.set(key, bytes, args)).then();
  }

  /** {@code SET ... NX}: writes only when the key does not exist; true when it wrote. */
  public Mono<Boolean> setIfAbsent(String id, V value) {
    return setIfAbsent(id, value, SetArgs.Builder.nx());
  }

  /** {@code SET ... NX PX}: writes with an expiry only when the key does not exist; true when it wrote. */
  public Mono<Boolean> setIfAbsent(String id, V value, Duration ttl) {
    return setIfAbsent(id, value, SetArgs.Builder.nx().px(millis(ttl)));
  }

  private Mono<Boolean> setIfAbsent(String id, V value, SetArgs args) {
    byte[] key = exec.key(family, id);
    byte[] bytes = codec.encode(value);
    return exec.mono("SET NX", family, c -> c.set(key, bytes, args)).map(ok -> true).defaultIfEmpty(false);
  }

  /** {@code GETDEL}: reads and removes the value in one step (a one-time token), empty when there is none. */
  public Mono<V> getDel(String id) {
    byte[] key = exec.key(family, id);
    return exec.mono("GETDEL", family, c -> c.getdel(key)).map(codec::decode);
  }

  /**
   * {@code MGET}: the values of the ids, in their order; an id without a value is left out, so
   * pair them by {@link java.util.Map.Entry#getKey()}.
   */
  public Flux<Map.Entry<String, V>> getAll(List<String> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    byte[][] keys = new byte[ids.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = exec.key(family, ids.get(i));
    }
    return exec.flux("MGET", family, c -> c.mget(keys))
        .index()
        .filter(t -> t.getT2().hasValue())
        .map(t -> Map.entry(ids.get(t.getT1().intValue()), codec.decode(t.getT2().getValue())));
  }

  /**
   * Many {@code SET ... PX} commands pipelined: all are written without waiting for the replies
   * in between; emits how many were written. Not atomic (see {@link RedisStore#transaction}).
   * Every key and value is encoded (and refused, if it must be) before the first command is sent;
   * the commands go out through Lettuce's asynchronous API, one future each, as a hand-written
   * pipeline would, rather than one reactive publisher per command.
   */
  public Mono<Long> setAll(Map<String, V> values, Duration ttl) {
    SetArgs args = SetArgs.Builder.px(millis(ttl));
    byte[][] keys = new byte[values.size()][];
    byte[][] bytes = new byte[values.size()][];
    int n = 0;
    for (Map.Entry<String, V> e : values.entrySet()) {
      keys[n] = exec.key(family, e.getKey());
      bytes[n] = codec.encode(e.getValue());
      n++;
    }
    if (n == 0) {
      return Mono.just(0L);
    }
    long count = n;
    return exec.mono("SET", family, c -> {
      RedisAsyncCommands<byte[], byte[]> async = c.getStatefulConnection().async();
      CompletableFuture<?>[] sent = new CompletableFuture<?>[keys.length];
      for (int i = 0; i < keys.length; i++) {
        sent[i] = async.set(keys[i], bytes[i], args).toCompletableFuture();
      }
      return Mono.fromFuture(CompletableFuture.allOf(sent)).thenReturn(count);
    });
  }
}
