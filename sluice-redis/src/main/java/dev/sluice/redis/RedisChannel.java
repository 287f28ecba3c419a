package dev.sluice.redis;

import java.util.Objects;

/**
 * A family of pub/sub channels carrying messages of one type: a prefix and a {@link ValueCodec}.
 * {@code redis.publish(ORDERS, "eu", order)} publishes on {@code app:orders:eu};
 * {@code redis.subscribe(ORDERS, "eu")} and {@code redis.subscribePattern(ORDERS, "*")} receive.
 *
 * <pre>{@code
 * public static final RedisChannel<OrderPlaced> ORDERS = RedisChannel.of("orders:", OrderPlaced.class);
 * }</pre>
 *
 * @param prefix the channels' prefix, may be empty
 * @param codec how messages are encoded
 * @param <V> the type of the messages
 */
public record RedisChannel<V>(String prefix, ValueCodec<V> codec) {
  public RedisChannel {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(codec, "codec");
  }

  /** Messages of a type with its built-in codec (JSON for records). */
  public static <V> RedisChannel<V> of(String prefix, Class<V> type) {
    return new RedisChannel<>(prefix, ValueCodec.forType(type));
  }

  /** Messages stored with the given codec. */
  public static <V> RedisChannel<V> of(String prefix, ValueCodec<V> codec) {
    return new RedisChannel<>(prefix, codec);
  }
}
