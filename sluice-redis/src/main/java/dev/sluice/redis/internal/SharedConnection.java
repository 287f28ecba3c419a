package dev.sluice.redis.internal;

import dev.sluice.error.DatabaseClosedException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * The one multiplexed connection a store's commands share. It is opened on the first command, and
 * when it breaks (the client does not reconnect by itself, so a command in flight fails once
 * instead of being sent twice) the next command opens a new one. Nothing blocks: connecting is
 * {@code connectAsync}.
 */
public final class SharedConnection {
  private final RedisClient client;
  private final RedisURI uri;
  private final boolean ownsClient;
  private final AtomicReference<Attempt> current = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** One connection attempt, shared by the commands that wait for it; its failure is not kept. */
  private final class Attempt {
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private final Mono<StatefulRedisConnection<byte[], byte[]>> mono =
        Mono.fromCompletionStage(() -> client.connectAsync(ByteArrayCodec.INSTANCE, uri))
            .doOnNext(c -> connection = c)
            .cache(c -> Duration.ofMillis(Long.MAX_VALUE), e -> Duration.ZERO, () -> Duration.ZERO);
  }

  public SharedConnection(RedisClient client, RedisURI uri, boolean ownsClient) {
    this.client = client;
    this.uri = uri;
    this.ownsClient = ownsClient;
  }

  public RedisClient client() { return client; }

  public RedisURI uri() { return uri; }

  /** The commands of the open connection, or null when there is none (then use {@link #commands()}). */
  public RedisReactiveCommands<byte[], byte[]> liveOrNull() {
    Attempt a = current.get();
    StatefulRedisConnection<byte[], byte[]> c = a == null ? null : a.connection;
    return c != null && c.isOpen() && !closed.get() ? c.reactive() : null;
  }

  /** The commands of the open connection, opening one if there is none or it broke. */
  public Mono<RedisReactiveCommands<byte[], byte[]>> commands() {
    return Mono.defer(() -> {
      if (closed.get()) {
        return Mono.error(new DatabaseClosedException("The RedisStore was closed", null));
      }
      Attempt a = current.get();
      if (a == null || (a.connection != null && !a.connection.isOpen())) {
        Attempt next = new Attempt();
        if (current.compareAndSet(a, next)) {
          if (a != null) {
            a.connection.closeAsync();
          }
          a = next;
        } else {
          a = current.get();
        }
      }
      return a.mono.map(StatefulRedisConnection::reactive);
    });
  }

  /** Closes the connection, and the client when the store made it. */
  public Mono<Void> close() {
    return Mono.defer(() -> {
      if (!closed.compareAndSet(false, true)) {
        return Mono.empty();
      }
      Attempt a = current.getAndSet(null);
      Mono<Void> conn = a == null || a.connection == null ? Mono.empty() : Mono.fromCompletionStage(a.connection.closeAsync());
      return ownsClient ? conn.then(Mono.fromCompletionStage(() -> client.shutdownAsync())) : conn;
    });
  }
}
