package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.IllegalUseException;
import dev.sluice.error.MappingException;
import dev.sluice.error.QueryTimeoutException;
import dev.sluice.redis.internal.RedisErrors;
import dev.sluice.redis.internal.Subscriptions;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Declarations, codecs and error translation, without a server. */
class RedisDeclarationsTest {
  record Event(String id, Instant at, List<String> tags) {}

  @Test void keysPickTheirCodecByType() {
    assertThat(RedisKey.of("a:", String.class).codec()).isSameAs(ValueCodec.strings());
    assertThat(RedisKey.of("a:", Long.class).codec()).isSameAs(ValueCodec.longs());
    assertThat(RedisKey.of("a:", byte[].class).codec()).isSameAs(ValueCodec.bytes());
    ValueCodec<Event> json = RedisKey.of("e:", Event.class).codec();
    Event e = new Event("1", Instant.parse("2026-01-01T00:00:00Z"), List.of("x"));
    String text = new String(json.encode(e), StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("{\"id\":\"1\",\"at\":\"2026-01-01T00:00:00Z\",\"tags\":[\"x\"]}");
    assertThat(json.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(e);
    assertThat(json.decode("{\"id\":\"2\",\"later\":true}".getBytes(StandardCharsets.UTF_8)).id()).isEqualTo("2");
  }

  @Test void doublesUseRedisSpellingOfInfinityAndRefuseNaN() {
    ValueCodec<Double> d = ValueCodec.doubles();
    assertThat(new String(d.encode(Double.NEGATIVE_INFINITY), StandardCharsets.UTF_8)).isEqualTo("-inf");
    assertThat(d.decode("inf".getBytes(StandardCharsets.UTF_8))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> d.encode(Double.NaN)).isInstanceOf(MappingException.class).hasMessageContaining("NaN");
  }

  @Test @SuppressWarnings({"unchecked", "rawtypes"}) void aHashOfSomethingNotARecordFailsWhenDeclared() {
    assertThatThrownBy(() -> RedisHash.of("x:", (Class) String.class))
        .isInstanceOf(MappingException.class).hasMessageContaining("java.lang.String is not a record");
    assertThat(RedisHash.of("e:", Event.class).fieldNames()).containsExactly("id", "at", "tags");
  }

  @Test void subscribeOptionsAreValidatedAndImmutable() {
    assertThatThrownBy(() -> SubscribeOptions.buffer(0)).isInstanceOf(IllegalUseException.class)
        .hasMessageContaining("at least 1 message, was 0");
    SubscribeOptions base = SubscribeOptions.buffer(8);
    SubscribeOptions dropping = base.onOverflow(SubscribeOptions.Overflow.DROP_OLDEST);
    assertThat(base.overflow()).isEqualTo(SubscribeOptions.Overflow.FAIL);
    assertThat(dropping.bufferSize()).isEqualTo(8);
    assertThat(SubscribeOptions.DEFAULT.bufferSize()).isEqualTo(1024);
  }

  @Test void globCharactersAreEscaped() {
    assertThat(Subscriptions.globLiteral("a*b?[c]\\d")).isEqualTo("a\\*b\\?\\[c\\]\\\\d");
  }

  @Test void scriptsAreNamedByTheirSha1() {
    assertThat(RedisScript.returningLong("return 1").sha1()).isEqualTo("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
  }

  @Test void connectingIsLazyAndAnUnreachableServerIsRedisUnavailableOnTheFirstCommand() {
    RedisStore nowhere = RedisStore.connect("redis://127.0.0.1:1", java.time.Duration.ofSeconds(2));
    try {
      var get = nowhere.value(RedisKey.of("k:", String.class)).get("1");
      org.assertj.core.api.Assertions.assertThatThrownBy(get::block)
          .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.sql()).isEqualTo("GET k:*");
            assertThat(e.getMessage()).startsWith("Cannot connect to Redis for GET k:*");
          });
    } finally {
      nowhere.close().block();
    }
  }

  @Test void lettuceErrorsBecomeSluiceErrors() {
    assertThat(RedisErrors.translate(new RedisCommandExecutionException("WRONGTYPE Operation against a key"), "GET a:*"))
        .isInstanceOfSatisfying(RedisCommandException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("WRONGTYPE");
          assertThat(e.sql()).isEqualTo("GET a:*");
        });
    assertThat(RedisErrors.translate(new RedisCommandExecutionException("BUSY Redis is busy running a script"), "GET a:*"))
        .isInstanceOf(RedisBusyException.class);
    assertThat(RedisErrors.translate(new RedisCommandTimeoutException("Command timed out after 1 second(s)"), "GET a:*"))
        .isInstanceOf(QueryTimeoutException.class);
    assertThat(RedisErrors.translate(new RedisConnectionException("Unable to connect"), "GET a:*"))
        .isInstanceOf(RedisUnavailableException.class);
    assertThat(RedisErrors.translate(new RedisException("Connection closed"), "GET a:*"))
        .isInstanceOf(ConnectionLostException.class).hasMessageContaining("may or may not have run");
    IllegalStateException other = new IllegalStateException("a bug");
    assertThat(RedisErrors.translate(other, "GET a:*")).isSameAs(other);
  }
}
