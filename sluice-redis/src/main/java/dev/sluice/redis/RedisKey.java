package dev.sluice.redis;

import java.util.Objects;

/**
 * A family of Redis keys holding values of one type: a prefix (the family's name, e.g.
 * {@code "user:"}) and a {@link ValueCodec}. A key is the store's prefix, this prefix and an id:
 * {@code redis.value(USERS).get("42")} reads {@code app:user:42}. Immutable; declare keys once, as
 * constants, like tables.
 *
 * <pre>{@code
 * public static final RedisKey<User> USERS = RedisKey.of("user:", User.class);       // JSON
 * public static final RedisKey<Long> VISITS = RedisKey.of("visits:", Long.class);    // decimal text
 * }</pre>
 *
 * The same declaration serves every structure: {@code redis.list(EVENTS)}, {@code redis.set(TAGS)},
 * {@code redis.sortedSet(SCORES)} hold members of the key's type.
 *
 * @param prefix the family's prefix, may be empty
 * @param codec how values are stored
 * @param <V> the type of the values (or members)
 */
public record RedisKey<V>(String prefix, ValueCodec<V> codec) {
  public RedisKey {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(codec, "codec");
  }

  /** Values of a type with its built-in codec (strings, numbers, bytes; JSON for anything else). */
  public static <V> RedisKey<V> of(String prefix, Class<V> type) {
    return new RedisKey<>(prefix, ValueCodec.forType(type));
  }

  /** Values stored with the given codec. */
  public static <V> RedisKey<V> of(String prefix, ValueCodec<V> codec) {
    return new RedisKey<>(prefix, codec);
  }

  @Override public String toString() {
    return "RedisKey[" + prefix + "*, " + codec + "]";
  }
}
