package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.IllegalUseException;
import dev.sluice.error.MappingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisValuesIT {
  record User(String name, int age, Instant joined) {}

  static final RedisKey<User> USERS = RedisKey.of("user:", User.class);
  static final RedisKey<String> RAW_USERS = RedisKey.of("user:", String.class);
  static final RedisKey<Long> VISITS = RedisKey.of("visits:", Long.class);
  static final RedisKey<String> TOKENS = RedisKey.of("token:", ValueCodec.strings());
  static final RedisKey<byte[]> BLOBS = RedisKey.of("blob:", ValueCodec.bytes());
  static final RedisKey<Double> RATES = RedisKey.of("rate:", Double.class);

  static RedisStore redis;
  final User ada = new User("Ada", 36, Instant.parse("2026-01-02T03:04:05.123Z"));

  @BeforeAll static void open() { redis = RedisTestSupport.store(RedisValuesIT.class); }

  @AfterAll static void close() {
    if (redis != null) {
      redis.close().block();
      RedisTestSupport.cleanUp(RedisValuesIT.class);
    }
  }

  @Test void setsAndGetsARecordAsJsonUnderTheStorePrefix() {
    redis.value(USERS).set("1", ada).block();
    assertThat(redis.value(USERS).get("1").block()).isEqualTo(ada);
    String stored = RedisTestSupport.raw(c -> c.get(redis.prefix() + "user:1"));
    assertThat(stored).isEqualTo("{\"name\":\"Ada\",\"age\":36,\"joined\":\"2026-01-02T03:04:05.123Z\"}");
    assertThat(redis.value(USERS).get("missing").blockOptional()).isEmpty();
  }

  @Test void setWithTtlExpiresTheKey() throws InterruptedException {
    redis.value(TOKENS).set("t1", "abc", Duration.ofSeconds(30)).block();
    Duration left = redis.value(TOKENS).ttl("t1").block();
    assertThat(left).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    redis.value(TOKENS).set("t2", "short", Duration.ofMillis(50)).block();
    Thread.sleep(150);
    assertThat(redis.value(TOKENS).get("t2").blockOptional()).isEmpty();
    assertThat(redis.value(TOKENS).persist("t1").block()).isTrue();
    assertThat(redis.value(TOKENS).ttl("t1").blockOptional()).isEmpty();
    assertThat(redis.value(TOKENS).expire("t1", Duration.ofSeconds(5)).block()).isTrue();
    assertThat(redis.value(TOKENS).ttl("t1").block()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(redis.value(TOKENS).expire("nope", Duration.ofSeconds(5)).block()).isFalse();
  }

  @Test void aTtlUnderOneMillisecondIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> redis.value(TOKENS).set("t3", "x", Duration.ZERO))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("at least one millisecond, was PT0S");
    assertThat(redis.value(TOKENS).exists("t3").block()).isFalse();
  }

  @Test void getDelReadsOnceThenTheValueIsGone() {
    redis.value(TOKENS).set("otp", "123456", Duration.ofMinutes(5)).block();
    assertThat(redis.value(TOKENS).getDel("otp").block()).isEqualTo("123456");
    assertThat(redis.value(TOKENS).getDel("otp").blockOptional()).isEmpty();
    assertThat(redis.value(TOKENS).exists("otp").block()).isFalse();
  }

  @Test void setIfAbsentWritesOnlyTheFirstTime() {
    assertThat(redis.value(TOKENS).setIfAbsent("lock", "owner-1", Duration.ofSeconds(10)).block()).isTrue();
    assertThat(redis.value(TOKENS).setIfAbsent("lock", "owner-2", Duration.ofSeconds(10)).block()).isFalse();
    assertThat(redis.value(TOKENS).setIfAbsent("lock", "owner-3").block()).isFalse();
    assertThat(redis.value(TOKENS).get("lock").block()).isEqualTo("owner-1");
  }

  @Test void countersIncrementFromZero() {
    assertThat(redis.counter(VISITS).increment("home").block()).isEqualTo(1L);
    assertThat(redis.counter(VISITS).incrementBy("home", 41).block()).isEqualTo(42L);
    assertThat(redis.counter(VISITS).decrement("home").block()).isEqualTo(41L);
    assertThat(redis.counter(VISITS).get("home").block()).isEqualTo(41L);
    assertThat(redis.value(VISITS).get("home").block()).isEqualTo(41L);
    assertThat(redis.counter(VISITS).get("other").blockOptional()).isEmpty();
  }

  @Test void numbersAndBytesRoundTrip() {
    redis.value(RATES).set("eur", 1.0825).block();
    redis.value(RATES).set("inf", Double.POSITIVE_INFINITY).block();
    assertThat(redis.value(RATES).get("eur").block()).isEqualTo(1.0825);
    assertThat(redis.value(RATES).get("inf").block()).isEqualTo(Double.POSITIVE_INFINITY);
    byte[] blob = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
    redis.value(BLOBS).set("b", blob).block();
    assertThat(redis.value(BLOBS).get("b").block()).containsExactly(blob);
  }

  @Test void getAllReadsManyInOneCommandLeavingOutMissingIds() {
    redis.value(USERS).set("a", ada).block();
    redis.value(USERS).set("c", new User("Cy", 20, ada.joined())).block();
    List<Map.Entry<String, User>> got = redis.value(USERS).getAll(List.of("a", "b", "c")).collectList().block();
    assertThat(got).extracting(Map.Entry::getKey).containsExactly("a", "c");
    assertThat(got.get(1).getValue().name()).isEqualTo("Cy");
  }

  @Test void aStoredValueTheCodecCannotReadIsAMappingExceptionNamingTheType() {
    redis.value(RAW_USERS).set("broken", "not json").block();
    assertThatThrownBy(() -> redis.value(USERS).get("broken").block())
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(User.class.getName()).hasMessageContaining("\"not json\"");
    redis.value(RAW_USERS).set("word", "abc").block();
    assertThatThrownBy(() -> redis.counter(RedisKey.of("user:", Long.class)).get("word").block()).isInstanceOf(MappingException.class)
        .hasMessageContaining("Cannot read Long from the stored value \"abc\"");
  }

  @Test void aCommandOnAKeyOfAnotherTypeIsARedisCommandExceptionWithTheCodeAndTheCommand() {
    redis.list(TOKENS).push("queue", "x").block();
    assertThatThrownBy(() -> redis.value(TOKENS).get("queue").block())
        .isInstanceOfSatisfying(RedisCommandException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("WRONGTYPE");
          assertThat(e.sql()).isEqualTo("GET " + redis.prefix() + "token:*");
          assertThat(e.isTransient()).isFalse();
        });
    redis.value(TOKENS).set("text", "abc").block();
    assertThatThrownBy(() -> redis.counter(RedisKey.of("token:", Long.class)).increment("text").block())
        .isInstanceOfSatisfying(RedisCommandException.class, e -> assertThat(e.getMessage()).contains("not an integer"));
  }

  @Test void prefixViewsDoNotSeeEachOthersKeys() {
    RedisStore a = redis.withPrefix("tenant-a:");
    RedisStore b = redis.withPrefix("tenant-b:");
    a.value(TOKENS).set("k", "from a").block();
    assertThat(b.value(TOKENS).get("k").blockOptional()).isEmpty();
    assertThat(a.value(TOKENS).get("k").block()).isEqualTo("from a");
    assertThat(a.prefix()).isEqualTo(redis.prefix() + "tenant-a:");
    assertThat(a.value(TOKENS).delete("k").block()).isTrue();
    assertThat(a.value(TOKENS).delete("k").block()).isFalse();
  }

  @Test void concurrentCommandsShareTheConnectionWithoutLosingOne() {
    Long last = reactor.core.publisher.Flux.range(0, 5000)
        .parallel(4).runOn(reactor.core.scheduler.Schedulers.parallel())
        .flatMap(i -> redis.counter(VISITS).increment("concurrent"), false, 64)
        .sequential().reduce(Math::max).block();
    assertThat(last).isEqualTo(5000L);
    assertThat(redis.counter(VISITS).get("concurrent").block()).isEqualTo(5000L);
  }

  @Test void nothingIsSentBeforeSubscription() {
    var set = redis.value(TOKENS).set("cold", "v");
    assertThat(redis.value(TOKENS).exists("cold").block()).isFalse();
    set.block();
    redis.value(TOKENS).delete("cold").block();
    set.block();
    assertThat(redis.value(TOKENS).get("cold").block()).isEqualTo("v");
  }
}
