package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import dev.sluice.redis.internal.RedisErrors;
import dev.sluice.redis.internal.SharedConnection;
import dev.sluice.redis.internal.Subscriptions;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A typed, reactive Redis store over Lettuce, with the feel of Sluice's SQL API: keys, hashes and
 * channels are declared once as immutable constants ({@link RedisKey}, {@link RedisHash},
 * {@link RedisChannel}), every operation returns a cold {@code Mono} or {@code Flux}, and errors are
 * Sluice's ({@code dev.sluice.error}): a connection lost during a command is a
 * {@link dev.sluice.error.ConnectionLostException}, a refused command a {@link RedisCommandException}.
 *
 * <pre>{@code
 * RedisStore redis = RedisStore.connect("redis://127.0.0.1:6379").withPrefix("app:");
 * redis.value(SESSIONS).set("s-1", session, Duration.ofMinutes(30))   // SET app:session:s-1 {...} PX 1800000
 *     .then(redis.value(SESSIONS).get("s-1"));                         // GET app:session:s-1
 * }</pre>
 *
 * <p>Commands share one connection, opened by the first command (connecting never blocks). When it
 * breaks, the commands in flight fail with {@code ConnectionLostException} (they may or may not
 * have run, so none is sent twice) and the next command opens a new connection. Subscriptions and
 * transactions use connections of their own, opened on subscribe and closed when they end.
 * Immutable; {@link #withPrefix} views share the connection.
 *
 * <p>Results arrive on Lettuce's I/O threads, which serve every command of the connection: do not
 * block in a {@code map} or {@code flatMap} downstream ({@code publishOn} a scheduler for slow work).
 */
public final class RedisStore extends Ops {
  /** The command timeout of {@link #connect(String)}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final SharedConnection connection;

  private RedisStore(SharedConnection connection, Exec exec) {
    super(exec);
    this.connection = connection;
  }

  /** A store on a Redis URI ({@code redis://host:port/db}), commands timing out after 10 s. */
  public static RedisStore connect(String uri) {
    return connect(uri, DEFAULT_TIMEOUT);
  }

  /** A store on a Redis URI whose commands time out ({@link dev.sluice.error.QueryTimeoutException}) after {@code timeout}. */
  public static RedisStore connect(String uri, Duration timeout) {
    RedisClient client = RedisClient.create();
    client.setOptions(options(timeout));
    return new RedisStore(new SharedConnection(client, RedisURI.create(uri), true), "");
  }

  /**
   * A store on a client the application made and shuts down itself. Its options apply: keep
   * {@code autoReconnect(false)} (see {@link #options}) so a command in flight when the connection
   * breaks fails instead of being sent again.
   */
  public static RedisStore using(RedisClient client, RedisURI uri) {
    return new RedisStore(new SharedConnection(client, uri, false), "");
  }

  private RedisStore(SharedConnection connection, String prefix) {
    this(connection, Exec.shared(connection, prefix));
  }

  /** The client options the store sets: no automatic reconnect (commands are sent at most once), the timeout. */
  public static ClientOptions options(Duration timeout) {
    return ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build();
  }

  /** A view whose keys and channels all start with {@code prefix} after this store's prefix; same connection. */
  public RedisStore withPrefix(String prefix) {
    return new RedisStore(connection, exec.withPrefix(prefix));
  }

  /** The prefix every key and channel of this view starts with. */
  public String prefix() { return exec.prefix(); }

  /** {@code PING}: "PONG", or the error that keeps Redis out of reach. */
  public Mono<String> ping() {
    return exec.mono("PING", null, c -> c.ping());
  }

  /**
   * The ids of the family's keys, by {@code SCAN ... MATCH prefix* COUNT 500} (never {@code KEYS}):
   * each cursor step is sent when the subscriber asks for more, so a large key space streams with
   * backpressure. As {@code SCAN}, a key present throughout is emitted at least once (rarely twice).
   */
  public Flux<String> scan(RedisKey<?> family) {
    return scan(family.prefix());
  }

  /** The ids of the hash family's keys, as {@link #scan(RedisKey)}. */
  public Flux<String> scan(RedisHash<?> family) {
    return scan(family.prefix());
  }

  private Flux<String> scan(String family) {
    String full = exec.prefix() + family;
    ScanArgs args = ScanArgs.Builder.matches(Subscriptions.globLiteral(full) + "*").limit(500);
    return exec.flux("SCAN", family, c -> ScanStream.scan(c, args))
        .map(k -> new String(k, StandardCharsets.UTF_8).substring(full.length()));
  }

  /** {@code PUBLISH}: how many subscribers received the message. */
  public <V> Mono<Long> publish(RedisChannel<V> channel, String id, V message) {
    byte[] name = exec.key(channel.prefix(), id);
    byte[] bytes = channel.codec().encode(message);
    return exec.mono("PUBLISH", channel.prefix(), c -> c.publish(name, bytes));
  }

  /** {@code PUBSUB NUMSUB}: how many clients subscribe to the channel (pattern subscriptions not counted). */
  public Mono<Long> subscribers(RedisChannel<?> channel, String id) {
    byte[] name = exec.key(channel.prefix(), id);
    return exec.mono("PUBSUB NUMSUB", channel.prefix(), c -> c.pubsubNumsub(name))
        .map(m -> m.values().stream().mapToLong(Long::longValue).sum());
  }

  /** The messages of one channel, with {@link SubscribeOptions#DEFAULT}. */
  public <V> Flux<V> subscribe(RedisChannel<V> channel, String id) {
    return subscribe(channel, id, SubscribeOptions.DEFAULT);
  }

  /**
   * The messages of one channel, on a connection of its own ({@code SUBSCRIBE}), until cancelled.
   * A subscriber slower than the channel has {@code options.bufferSize()} messages of slack, then
   * the overflow policy applies (by default the Flux fails with {@link SubscriberOverflowException}).
   */
  public <V> Flux<V> subscribe(RedisChannel<V> channel, String id, SubscribeOptions options) {
    String name = exec.prefix() + channel.prefix() + id;
    return Subscriptions.open(connection, name, false, options, (ch, bytes) -> channel.codec().decode(bytes));
  }

  /** The messages of the family's channels whose id matches a glob pattern, with {@link SubscribeOptions#DEFAULT}. */
  public <V> Flux<Message<V>> subscribePattern(RedisChannel<V> channel, String idPattern) {
    return subscribePattern(channel, idPattern, SubscribeOptions.DEFAULT);
  }

  /**
   * The messages of the family's channels whose id matches {@code idPattern} (a glob: {@code *},
   * {@code ?}, {@code [..]}), each with its channel id ({@code PSUBSCRIBE}); the prefixes are
   * matched literally. Backpressure as {@link #subscribe(RedisChannel, String, SubscribeOptions)}.
   */
  public <V> Flux<Message<V>> subscribePattern(RedisChannel<V> channel, String idPattern, SubscribeOptions options) {
    String prefix = exec.prefix() + channel.prefix();
    String pattern = Subscriptions.globLiteral(prefix) + idPattern;
    return Subscriptions.open(connection, pattern, true, options,
        (ch, bytes) -> new Message<>(ch.substring(prefix.length()), channel.codec().decode(bytes)));
  }

  /**
   * Commands pipelined: all are written without waiting for the replies in between; their results
   * in order, null for a command without one. Not atomic: see {@link #transaction}.
   *
   * <pre>{@code
   * redis.pipeline(List.of(redis.value(USERS).set("1", a), redis.counter(VISITS).increment("home")))
   * }</pre>
   */
  public Mono<List<Object>> pipeline(List<? extends Mono<?>> commands) {
    List<Mono<Optional<Object>>> wrapped = new ArrayList<>(commands.size());
    for (Mono<?> m : commands) {
      wrapped.add(m.map(v -> Optional.<Object>of(v)).defaultIfEmpty(Optional.empty()));
    }
    return Pipeline.run(wrapped).collectList().map(list -> {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(o -> out.add(o.orElse(null)));
      return Collections.unmodifiableList(out);
    });
  }

  /**
   * A transaction on a connection of its own, opened on subscribe and closed when the body ends
   * (which also drops its {@code WATCH}es): the body watches, reads and calls
   * {@link RedisTx#exec}. Cold: subscribing again runs the whole body again, so a lost race
   * ({@link RedisTransactionAbortedException}) is retried with
   * {@code .retryWhen(Retry.max(5).filter(RedisTransactionAbortedException.class::isInstance))}.
   */
  public <T> Mono<T> transaction(Function<RedisTx, Mono<T>> body) {
    String prefix = exec.prefix();
    return Mono.usingWhen(
        Mono.fromCompletionStage(() -> connection.client().connectAsync(ByteArrayCodec.INSTANCE, connection.uri()))
            .onErrorMap(e -> RedisErrors.translate(e, "MULTI")),
        c -> body.apply(new RedisTx(Exec.dedicated(c.reactive(), prefix))),
        c -> Mono.fromCompletionStage(c.closeAsync()));
  }

  /** Closes the shared connection, and the client when {@link #connect} made it. Subscriptions end with their connections. */
  public Mono<Void> close() {
    return connection.close();
  }
}
