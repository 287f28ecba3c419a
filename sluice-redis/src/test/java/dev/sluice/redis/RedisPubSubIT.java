package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.redis.SubscribeOptions.Overflow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RedisPubSubIT {
  record Order(String id, long cents) {}

  static final RedisChannel<Order> ORDERS = RedisChannel.of("orders:", Order.class);
  static final RedisChannel<Integer> TICKS = RedisChannel.of("ticks:", Integer.class);
  static RedisStore redis;

  @BeforeAll static void open() { redis = RedisTestSupport.store(RedisPubSubIT.class); }

  @AfterAll static void close() {
    if (redis != null) {
      redis.close().block();
    }
  }

  /** Waits until the channel has {@code n} subscribers (the SUBSCRIBE was acknowledged). */
  static void awaitSubscribers(RedisChannel<?> channel, String id, long n) {
    Mono.defer(() -> redis.subscribers(channel, id)).filter(c -> c == n)
        .repeatWhenEmpty(100, f -> f.delayElements(Duration.ofMillis(20))).block(Duration.ofSeconds(5));
  }

  @Test void aSubscriberReceivesTypedMessagesInOrder() {
    Flux<Order> received = redis.subscribe(ORDERS, "eu").take(3).cache();
    Disposable d = received.subscribe();
    awaitSubscribers(ORDERS, "eu", 1);
    for (int i = 1; i <= 3; i++) {
      assertThat(redis.publish(ORDERS, "eu", new Order("o" + i, i * 100L)).block()).isEqualTo(1L);
    }
    assertThat(received.collectList().block(Duration.ofSeconds(5)))
        .containsExactly(new Order("o1", 100), new Order("o2", 200), new Order("o3", 300));
    awaitSubscribers(ORDERS, "eu", 0);   // take(3) cancelled: the connection was closed
    d.dispose();
  }

  @Test void aPatternSubscriptionNamesTheChannelOfEachMessage() {
    Flux<Message<Order>> received = redis.subscribePattern(ORDERS, "e*").take(2).cache();
    received.subscribe();
    Mono.defer(() -> redis.publish(ORDERS, "eu", new Order("x", 1))).filter(n -> n == 1)
        .repeatWhenEmpty(100, f -> f.delayElements(Duration.ofMillis(20))).block(Duration.ofSeconds(5));
    redis.publish(ORDERS, "us", new Order("ignored", 2)).block();
    redis.publish(ORDERS, "east", new Order("y", 3)).block();
    assertThat(received.collectList().block(Duration.ofSeconds(5)))
        .containsExactly(new Message<>("eu", new Order("x", 1)), new Message<>("east", new Order("y", 3)));
  }

  /** A subscriber that takes one message, then stalls until told to go on. */
  static final class Stalling<T> extends BaseSubscriber<T> {
    final List<T> got = new CopyOnWriteArrayList<>();
    volatile Throwable error;
    volatile boolean done;

    @Override protected void hookOnSubscribe(org.reactivestreams.Subscription s) { request(1); }
    @Override protected void hookOnNext(T v) { got.add(v); }
    @Override protected void hookOnError(Throwable t) { error = t; }
    @Override protected void hookOnComplete() { done = true; }
  }

  static void await(java.util.function.BooleanSupplier condition) {
    Mono.fromCallable(() -> condition.getAsBoolean() ? true : null)
        .repeatWhenEmpty(250, f -> f.delayElements(Duration.ofMillis(20))).block(Duration.ofSeconds(5));
  }

  static void publish(String id, int from, int to) {
    redis.pipeline(IntStream.range(from, to).mapToObj(i -> redis.publish(TICKS, id, i)).toList()).block();
  }

  @Test void aSlowSubscriberPastItsBufferGetsTheBufferedMessagesThenSubscriberOverflowException() {
    Stalling<Integer> slow = new Stalling<>();
    redis.subscribe(TICKS, "fail", SubscribeOptions.buffer(16)).subscribe(slow);
    awaitSubscribers(TICKS, "fail", 1);
    publish("fail", 0, 200);
    awaitSubscribers(TICKS, "fail", 0);       // the overflow closed the subscription's connection at once
    assertThat(slow.got).containsExactly(0);
    assertThat(slow.error).isNull();
    slow.request(Long.MAX_VALUE);
    await(() -> slow.error != null);
    assertThat(slow.got).containsExactlyElementsOf(IntStream.rangeClosed(0, 16).boxed().toList());
    assertThat(slow.error).isInstanceOfSatisfying(SubscriberOverflowException.class, e -> {
      assertThat(e.buffer()).isEqualTo(16);
      assertThat(e.isTransient()).isTrue();
      assertThat(e.getMessage()).contains(redis.prefix() + "ticks:fail").contains("more than 16 messages behind");
    });
  }

  @Test void dropOldestKeepsTheLatestMessagesForASlowSubscriber() {
    Stalling<Integer> slow = new Stalling<>();
    java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
    redis.subscribe(TICKS, "latest", SubscribeOptions.buffer(16).onOverflow(Overflow.DROP_OLDEST)
        .onDrop(m -> dropped.incrementAndGet())).subscribe(slow);
    awaitSubscribers(TICKS, "latest", 1);
    publish("latest", 0, 200);
    await(() -> dropped.get() == 200 - 1 - 16);
    slow.request(Long.MAX_VALUE);
    redis.publish(TICKS, "latest", 999).block();
    await(() -> slow.got.contains(999));
    List<Integer> expected = new java.util.ArrayList<>(List.of(0));
    IntStream.range(184, 200).forEach(expected::add);
    expected.add(999);
    assertThat(slow.got).containsExactlyElementsOf(expected);
    assertThat(dropped.get()).isEqualTo(183);
    assertThat(slow.error).isNull();
    slow.dispose();
  }

  @Test void dropNewestKeepsTheFirstMessagesForASlowSubscriber() {
    Stalling<Integer> slow = new Stalling<>();
    java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
    redis.subscribe(TICKS, "first", SubscribeOptions.buffer(8).onOverflow(Overflow.DROP_NEWEST)
        .onDrop(m -> dropped.incrementAndGet())).subscribe(slow);
    awaitSubscribers(TICKS, "first", 1);
    publish("first", 0, 100);
    await(() -> dropped.get() == 100 - 1 - 8);
    slow.request(Long.MAX_VALUE);
    redis.publish(TICKS, "first", 500).block();
    await(() -> slow.got.contains(500));
    assertThat(slow.got).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 500);
    slow.dispose();
  }

  @Test void cancellingASubscriptionClosesItsConnection() {
    StepVerifier.create(redis.subscribe(ORDERS, "cancel"))
        .then(() -> awaitSubscribers(ORDERS, "cancel", 1))
        .thenCancel().verify();
    awaitSubscribers(ORDERS, "cancel", 0);
    assertThat(redis.subscribers(ORDERS, "cancel").block()).isZero();
  }
}
