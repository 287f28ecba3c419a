package dev.sluice.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.redis.internal.Codecs;

/**
 * How values of one Java type become the bytes Redis stores, and back. Numbers are stored as
 * decimal text, so {@code INCR}, {@code INCRBYFLOAT} and Lua scripts read them as Redis does;
 * strings as UTF-8; records and other classes as JSON (Jackson, with {@code java.time} support).
 *
 * <pre>{@code
 * RedisKey<Session> sessions = RedisKey.of("session:", ValueCodec.json(Session.class));
 * RedisKey<Long> visits = RedisKey.of("visits:", ValueCodec.longs());   // SET visits:home "42"
 * }</pre>
 *
 * <p>A codec is stateless and thread-safe. A value that cannot be read back fails with
 * {@link dev.sluice.error.MappingException} naming the type.
 *
 * @param <V> the Java type
 */
public interface ValueCodec<V> {
  /** The bytes to store for a value (never null). */
  byte[] encode(V value);

  /** The value read back from stored bytes. */
  V decode(byte[] bytes);

  /** The Java type, for messages. */
  Class<V> type();

  /** UTF-8 text. */
  static ValueCodec<String> strings() { return Codecs.STRING; }

  /** A {@code long} as decimal text (what {@code INCR} reads and writes). */
  static ValueCodec<Long> longs() { return Codecs.LONG; }

  /** An {@code int} as decimal text. */
  static ValueCodec<Integer> integers() { return Codecs.INTEGER; }

  /** A {@code double} as decimal text (what {@code INCRBYFLOAT} and scores read). */
  static ValueCodec<Double> doubles() { return Codecs.DOUBLE; }

  /** The bytes as they are. */
  static ValueCodec<byte[]> bytes() { return Codecs.BYTES; }

  /** JSON through Sluice's own {@link ObjectMapper} (records, {@code java.time} as ISO text). */
  static <V> ValueCodec<V> json(Class<V> type) { return Codecs.json(type, Codecs.MAPPER); }

  /** JSON through the given mapper. */
  static <V> ValueCodec<V> json(Class<V> type, ObjectMapper mapper) { return Codecs.json(type, mapper); }

  /** The built-in codec for {@code String}, {@code Long}, {@code Integer}, {@code Double} and {@code byte[]}, else JSON. */
  static <V> ValueCodec<V> forType(Class<V> type) { return Codecs.forType(type); }
}
