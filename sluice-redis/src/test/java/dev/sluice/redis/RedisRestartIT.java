package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.TransientResourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Redis killed and restarted under the store: typed errors for the lost commands, then a new connection. */
class RedisRestartIT {
  static final RedisKey<String> NOTES = RedisKey.of("note:", String.class);
  static final RedisKey<Long> COUNTS = RedisKey.of("count:", Long.class);
  /** Busy for two seconds on the server, so it is surely in flight when the server dies. */
  static final RedisScript<Long> SPIN = RedisScript.returningLong("""
      local t0 = redis.call('TIME')
      while true do
        local t = redis.call('TIME')
        if (t[1] - t0[1]) * 1000000 + (t[2] - t0[2]) > 2000000 then return 1 end
      end""");

  RestartableRedis server;
  RedisStore redis;

  @BeforeEach void start() {
    server = RestartableRedis.start();
    redis = RedisStore.connect(server.uri(), Duration.ofSeconds(5)).withPrefix(RedisTestSupport.prefix(getClass()));
  }

  @AfterEach void stop() {
    if (redis != null) {
      redis.close().block();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test void aCommandInFlightWhenRedisDiesIsConnectionLostAndTheNextCommandReconnects() throws Exception {
    redis.value(NOTES).set("a", "before").block();
    CompletableFuture<Long> spinning = redis.script(SPIN).run().toFuture();
    RestartableRedis.sleep(300);
    server.kill();
    ExecutionException lost = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> spinning.get(10, TimeUnit.SECONDS));
    assertThat(lost.getCause()).isInstanceOfSatisfying(ConnectionLostException.class, e -> {
      assertThat(e.getMessage()).contains("lost during EVALSHA " + SPIN.sha1()).contains("may or may not have run");
      assertThat(e.sql()).isEqualTo("EVALSHA " + SPIN.sha1());
      assertThat(e.isTransient()).isTrue();
    });

    assertThatThrownBy(() -> redis.value(NOTES).get("a").block())
        .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
          assertThat(e).isInstanceOf(TransientResourceException.class);
          assertThat(e.sql()).isEqualTo("GET " + redis.prefix() + "note:*");
        });

    server.startServer();
    assertThat(redis.value(NOTES).get("a").blockOptional()).isEmpty();   // a new, empty server
    redis.value(NOTES).set("a", "after").block();
    assertThat(redis.value(NOTES).get("a").block()).isEqualTo("after");
  }

  @Test void aStreamOfCommandsAcrossARestartFailsOnlyTheLostOnesWithTypedErrorsThenGoesOn() throws Exception {
    List<Object> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> restartError = new java.util.concurrent.atomic.AtomicReference<>();
    Thread restarter = new Thread(() -> {   // blocking process control stays off Reactor's threads
      try {
        awaitOutcomes(() -> outcomes.size() >= 30);          // killed mid-stream, after 30 commands
        server.kill();
        awaitOutcomes(() -> failures(outcomes) >= 5);        // restarted after 5 commands failed
        server.startServer();
      } catch (Throwable t) {
        restartError.set(t);
      }
    }, "redis-restarter");
    restarter.start();
    Flux.range(0, 1000)
        .concatMap(i -> redis.counter(COUNTS).increment("n")
            .<Object>map(n -> n)
            .onErrorResume(TransientResourceException.class, e -> Mono.just(e))
            .delayElement(Duration.ofMillis(2)))
        .takeUntil(o -> outcomes.size() > 50 && o instanceof Long n && n >= 20 && failures(outcomes) > 0)
        .doOnNext(outcomes::add)
        .blockLast(Duration.ofSeconds(30));
    restarter.join(10_000);
    assertThat(restartError.get()).isNull();

    assertThat(failures(outcomes)).isPositive();
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(Long.class,
        ConnectionLostException.class, RedisUnavailableException.class));
    int firstFailure = indexOfFirstFailure(outcomes);
    assertThat(outcomes.subList(0, firstFailure)).allSatisfy(o -> assertThat(o).isInstanceOf(Long.class));
    List<Long> before = outcomes.subList(0, firstFailure).stream().map(Long.class::cast).toList();
    assertThat(before).first().isEqualTo(1L);
    assertThat(before).isSorted().doesNotHaveDuplicates();
    // after the restart the server is empty: the counter starts again at 1 and every later command succeeds
    List<Object> after = outcomes.subList(lastFailure(outcomes) + 1, outcomes.size());
    assertThat(after).isNotEmpty().allSatisfy(o -> assertThat(o).isInstanceOf(Long.class));
    assertThat(after.get(0)).isEqualTo(1L);
    assertThat(redis.counter(COUNTS).get("n").block()).isEqualTo((Long) after.get(after.size() - 1));
  }

  @Test void aSubscriptionWhoseServerDiesFailsWithConnectionLostAndASecondSubscriptionReceivesAgain() throws Exception {
    RedisChannel<String> news = RedisChannel.of("news:", String.class);
    List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> first = redis.subscribe(news, "eu").doOnNext(got::add).then().toFuture();
    awaitPublished(news, "one");
    server.kill();
    ExecutionException lost = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> first.get(10, TimeUnit.SECONDS));
    assertThat(lost.getCause()).isInstanceOfSatisfying(ConnectionLostException.class,
        e -> assertThat(e.sql()).isEqualTo("SUBSCRIBE " + redis.prefix() + "news:eu"));
    assertThat(got).containsExactly("one");

    server.startServer();
    CompletableFuture<String> second = redis.subscribe(news, "eu").next().toFuture();
    awaitPublished(news, "two");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("two");
  }

  @Test void aCommandPastTheStoreTimeoutIsAQueryTimeoutExceptionAndTheStoreGoesOn() {
    RedisStore impatient = RedisStore.connect(server.uri(), Duration.ofMillis(300));
    try {
      assertThatThrownBy(() -> impatient.script(SPIN).run().block())
          .isInstanceOfSatisfying(dev.sluice.error.QueryTimeoutException.class, e -> {
            assertThat(e.sql()).isEqualTo("EVALSHA " + SPIN.sha1());
            assertThat(e.isTransient()).isTrue();
          });
      RestartableRedis.sleep(2000);   // the script ends on the server after its two seconds
      impatient.value(NOTES).set("t", "later").block();
      assertThat(impatient.value(NOTES).get("t").block()).isEqualTo("later");
    } finally {
      impatient.close().block();
    }
  }

  @Test void aStoreOnTheApplicationsOwnClientLeavesTheClientOpen() {
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create();
    client.setOptions(RedisStore.options(Duration.ofSeconds(5)));
    try {
      RedisStore own = RedisStore.using(client, io.lettuce.core.RedisURI.create(server.uri()));
      own.value(NOTES).set("c", "mine").block();
      own.close().block();
      RedisStore again = RedisStore.using(client, io.lettuce.core.RedisURI.create(server.uri()));
      assertThat(again.value(NOTES).get("c").block()).isEqualTo("mine");
      again.close().block();
      assertThatThrownBy(() -> again.value(NOTES).get("c").block())
          .isInstanceOf(dev.sluice.error.DatabaseClosedException.class).hasMessage("The RedisStore was closed");
    } finally {
      client.shutdown();
    }
  }

  /** Publishes until one subscriber received it (the subscription is acknowledged). */
  private void awaitPublished(RedisChannel<String> channel, String message) {
    Mono.defer(() -> redis.publish(channel, "eu", message)).filter(n -> n == 1)
        .repeatWhenEmpty(200, f -> f.delayElements(Duration.ofMillis(25))).block(Duration.ofSeconds(10));
  }

  private static void awaitOutcomes(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the command stream did not get there in 20 s");
      }
      RestartableRedis.sleep(5);
    }
  }

  private static long failures(List<Object> outcomes) {
    return outcomes.stream().filter(o -> !(o instanceof Long)).count();
  }

  private static int indexOfFirstFailure(List<Object> outcomes) {
    for (int i = 0; i < outcomes.size(); i++) {
      if (!(outcomes.get(i) instanceof Long)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastFailure(List<Object> outcomes) {
    for (int i = outcomes.size() - 1; i >= 0; i--) {
      if (!(outcomes.get(i) instanceof Long)) {
        return i;
      }
    }
    return -1;
  }
}
