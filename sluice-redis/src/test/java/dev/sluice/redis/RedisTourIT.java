package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.redis.SubscribeOptions.Overflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The README's Redis tour ({@code // tag::redis-tour[]}, checked by {@link RedisReadmeTest}), run and checked. */
class RedisTourIT {
  static RedisStore base;

  @BeforeAll static void open() { base = RedisTestSupport.store(RedisTourIT.class); }

  @AfterAll static void close() {
    if (base != null) {
      base.close().block();
      RedisTestSupport.cleanUp(RedisTourIT.class);
    }
  }

  @Test void theTourRunsAsShown() {
    RedisStore redis = base.withPrefix("app:");
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    // tag::redis-tour[]
    record Session(String user, Instant started) {}
    record Profile(String name, int age) {}
    RedisKey<Session> sessions = RedisKey.of("session:", Session.class);    // values as JSON
    RedisKey<Long> visits = RedisKey.of("visits:", Long.class);             // numbers as text
    RedisKey<String> board = RedisKey.of("board:", String.class);
    RedisHash<Profile> profiles = RedisHash.of("profile:", Profile.class);  // a record, field by field
    RedisChannel<String> news = RedisChannel.of("news:", String.class);

    Mono<Void> set = redis.value(sessions)
        .set("s1", new Session("ada", now), Duration.ofMinutes(30));       // SET app:session:s1 {...} PX 1800000
    Mono<Session> once = redis.value(sessions).getDel("s1");               // GETDEL: read and remove
    Mono<Boolean> won = redis.value(sessions)
        .setIfAbsent("lock", new Session("bob", now), Duration.ofSeconds(5));   // SET ... NX PX 5000
    Mono<Long> n = redis.counter(visits).increment("home");                // INCR app:visits:home
    Mono<Void> put = redis.hash(profiles).put("42", new Profile("Ada", 36));    // HSET app:profile:42 name Ada age 36
    Mono<Long> age = redis.hash(profiles)
        .increment("42", profiles.field("age", Integer.class), 1);         // HINCRBY app:profile:42 age 1
    Mono<Boolean> added = redis.sortedSet(board).add("game", "ada", 120);  // ZADD app:board:game 120 ada
    Flux<Scored<String>> top = redis.sortedSet(board).top("game", 3);      // ZREVRANGE ... 0 2 WITHSCORES
    Flux<String> ids = redis.scan(sessions);                               // SCAN ... MATCH app:session:* (never KEYS)
    Flux<String> headlines = redis.subscribe(news, "eu",                   // a connection of its own
        SubscribeOptions.buffer(256).onOverflow(Overflow.DROP_OLDEST));    // a slow subscriber sees the latest 256
    Mono<List<Object>> reset = redis.transaction(tx -> tx.watch(visits, "home")    // WATCH, GET, MULTI, SET, INCRBY, EXEC
        .then(tx.counter(visits).get("home"))
        .flatMap(v -> tx.exec(List.of(
            tx.value(visits).set("home", 0L),
            tx.counter(visits).incrementBy("archived", v)))));           // a changed watched key: RedisTransactionAbortedException
    // end::redis-tour[]

    assertThat(redis.value(sessions).exists("s1").block()).as("nothing runs before subscription").isFalse();
    set.block();
    assertThat(ids.collectList().block()).containsExactly("s1");
    assertThat(once.block()).isEqualTo(new Session("ada", now));
    assertThat(once.blockOptional()).isEmpty();
    assertThat(won.block()).isTrue();
    assertThat(won.block()).isFalse();
    assertThat(n.block()).isEqualTo(1L);
    assertThat(n.block()).isEqualTo(2L);
    put.block();
    assertThat(age.block()).isEqualTo(37L);
    assertThat(redis.hash(profiles).get("42").block()).isEqualTo(new Profile("Ada", 37));
    assertThat(added.block()).isTrue();
    assertThat(top.collectList().block()).containsExactly(new Scored<>("ada", 120.0));
    Flux<String> received = headlines.take(1).cache();
    received.subscribe();
    Mono.defer(() -> redis.publish(news, "eu", "hello")).filter(r -> r == 1)
        .repeatWhenEmpty(100, f -> f.delayElements(Duration.ofMillis(20))).block(Duration.ofSeconds(5));
    assertThat(received.blockLast(Duration.ofSeconds(5))).isEqualTo("hello");
    assertThat(reset.block()).containsExactly(null, 2L);
    assertThat(redis.counter(visits).get("home").block()).isZero();
  }
}
