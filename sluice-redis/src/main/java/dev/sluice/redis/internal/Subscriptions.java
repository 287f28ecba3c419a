package dev.sluice.redis.internal;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.redis.SubscribeOptions;
import dev.sluice.redis.SubscriberOverflowException;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.reactive.RedisPubSubReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * A subscription is a Flux on a pub/sub connection of its own, opened on subscribe and closed on
 * cancel, completion and error. Messages are listened for before {@code SUBSCRIBE} is sent, so none
 * published after the subscription is acknowledged is missed. Between Redis (which cannot be slowed)
 * and the subscriber sits one bounded buffer with the options' overflow policy.
 */
public final class Subscriptions {
  private Subscriptions() {}

  /**
   * Messages of one channel ({@code pattern} false) or of the channels matching a glob pattern.
   * {@code read} turns (channel name, bytes) into the element.
   */
  public static <T> Flux<T> open(SharedConnection shared, String name, boolean pattern, SubscribeOptions options,
      BiFunction<String, byte[], T> read) {
    String command = (pattern ? "PSUBSCRIBE " : "SUBSCRIBE ") + name;
    byte[] target = Utf8.bytes(name, "The channel " + name);
    Flux<T> messages = Flux.usingWhen(
        Mono.fromCompletionStage(() -> shared.client().connectPubSubAsync(ByteArrayCodec.INSTANCE, shared.uri())),
        c -> Flux.merge(listen(c.reactive(), target, pattern, read), Subscriptions.<T>lost(c, command)),
        Subscriptions::close);
    Flux<T> bounded = switch (options.overflow()) {
      case FAIL -> messages.onBackpressureBuffer(options.bufferSize());
      case DROP_OLDEST -> messages.onBackpressureBuffer(options.bufferSize(), options.onDrop()::accept, BufferOverflowStrategy.DROP_OLDEST);
      case DROP_NEWEST -> messages.onBackpressureBuffer(options.bufferSize(), options.onDrop()::accept, BufferOverflowStrategy.DROP_LATEST);
    };
    return bounded
        .onErrorMap(Exceptions::isOverflow, e -> new SubscriberOverflowException(name, options.bufferSize()))
        .onErrorMap(e -> RedisErrors.translate(e, command));
  }

  private static <T> Flux<T> listen(RedisPubSubReactiveCommands<byte[], byte[]> r, byte[] target, boolean pattern,
      BiFunction<String, byte[], T> read) {
    Flux<T> received = pattern
        ? r.observePatterns(FluxSink.OverflowStrategy.BUFFER)
            .map(m -> read.apply(new String(m.getChannel(), StandardCharsets.UTF_8), m.getMessage()))
        : r.observeChannels(FluxSink.OverflowStrategy.BUFFER)
            .map(m -> read.apply(new String(m.getChannel(), StandardCharsets.UTF_8), m.getMessage()));
    Mono<Void> subscribe = pattern ? r.psubscribe(target) : r.subscribe(target);
    return Flux.merge(received, subscribe.thenMany(Flux.empty()));
  }

  /**
   * Fails with ConnectionLostException when the subscription's connection breaks (the server went
   * away): the messages published meanwhile are lost, and subscribing again opens a new connection.
   */
  private static <T> Flux<T> lost(StatefulRedisPubSubConnection<byte[], byte[]> c, String command) {
    return Flux.create(sink -> {
      RedisConnectionStateListener listener = new RedisConnectionStateListener() {
        @Override public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
          sink.error(new ConnectionLostException("The Redis connection of " + command
              + " was lost; messages published until a new subscription are not received", null, command));
        }
      };
      c.addListener(listener);
      sink.onDispose(() -> c.removeListener(listener));
      if (!c.isOpen()) {
        listener.onRedisDisconnected(null);
      }
    });
  }

  private static Mono<Void> close(StatefulRedisPubSubConnection<byte[], byte[]> c) {
    return Mono.fromCompletionStage(c.closeAsync());
  }

  /** A glob pattern matching the text literally ({@code * ? [ ] \} escaped). */
  public static String globLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '*' || ch == '?' || ch == '[' || ch == ']' || ch == '\\') {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }
}
