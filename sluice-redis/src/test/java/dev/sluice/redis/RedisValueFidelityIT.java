package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.DataException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A value written through a codec is read back exactly (scale, nanoseconds, -0.0, ...), or refused before anything is sent. */
class RedisValueFidelityIT {
  record Edge(String text, BigDecimal amount, Instant at, OffsetDateTime local, Double ratio, Float small, Long big) {}

  static final RedisKey<Edge> JSON = RedisKey.of("json:", Edge.class);
  static final RedisHash<Edge> HASHES = RedisHash.of("hash:", Edge.class);
  static final RedisKey<String> TEXT = RedisKey.of("text:", String.class);
  static final RedisKey<BigDecimal> AMOUNTS = RedisKey.of("amount:", BigDecimal.class);

  static RedisStore redis;

  @BeforeAll static void open() { redis = RedisTestSupport.store(RedisValueFidelityIT.class); }

  @AfterAll static void close() {
    if (redis != null) {
      redis.close().block();
      RedisTestSupport.cleanUp(RedisValueFidelityIT.class);
    }
  }

  static final List<Edge> EDGES = List.of(
      new Edge("", new BigDecimal("1E+3"), Instant.parse("2026-05-06T07:08:09.123456789Z"),
          OffsetDateTime.parse("2026-03-29T02:30:00.000001+05:45"), -0.0, Float.MIN_VALUE, Long.MIN_VALUE),
      new Edge("emoji 😀 ü 日本 \u0000 nul", new BigDecimal("1.000"), Instant.parse("0001-01-01T00:00:00Z"),
          OffsetDateTime.parse("9999-12-31T23:59:59.999999999-18:00"), Double.MAX_VALUE, -0.0f, Long.MAX_VALUE),
      new Edge("x".repeat(10_000), new BigDecimal("-12345678901234567890123456789.123456789012345678901234567890"),
          Instant.EPOCH.minusNanos(1), OffsetDateTime.parse("1970-01-01T00:00Z"), Double.MIN_VALUE,
          Float.MAX_VALUE, 0L));

  @Test void recordsRoundTripExactlyAsJsonAndFieldByField() {
    for (int i = 0; i < EDGES.size(); i++) {
      Edge e = EDGES.get(i);
      redis.value(JSON).set(String.valueOf(i), e).block();
      redis.hash(HASHES).put(String.valueOf(i), e).block();
      Edge json = redis.value(JSON).get(String.valueOf(i)).block();
      Edge hash = redis.hash(HASHES).get(String.valueOf(i)).block();
      assertThat(json).isEqualTo(e);
      assertThat(hash).isEqualTo(e);
      assertThat(json.amount().scale()).isEqualTo(e.amount().scale());
      assertThat(hash.amount().scale()).isEqualTo(e.amount().scale());
      assertThat(Double.doubleToRawLongBits(hash.ratio())).isEqualTo(Double.doubleToRawLongBits(e.ratio()));
      assertThat(Double.doubleToRawLongBits(json.ratio())).isEqualTo(Double.doubleToRawLongBits(e.ratio()));
    }
    redis.value(AMOUNTS).set("k", new BigDecimal("1E+3")).block();
    assertThat(redis.value(AMOUNTS).get("k").block()).isEqualTo(new BigDecimal("1E+3"));
  }

  @Test void aLoneSurrogateInAValueAnIdOrAComponentIsRefusedAndNothingIsWritten() {
    assertThatThrownBy(() -> redis.value(TEXT).set("a", "broken \uD800").block())
        .isInstanceOf(DataException.class)
        .hasMessage("A String value holds a lone UTF-16 surrogate (U+D800 at index 7), which UTF-8 cannot encode:"
            + " it would be stored changed, so it is refused and nothing was sent");
    // "b\uDC00" would be written as "b?": another id's key
    assertThatThrownBy(() -> redis.value(TEXT).set("b\uDC00", "fine").block())
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("The key " + redis.prefix() + "text:<id> holds a lone UTF-16 surrogate (U+DC00");
    assertThatThrownBy(() -> redis.hash(HASHES).put("c", new Edge("\uDBFF", null, null, null, null, null, null)).block())
        .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.column()).isEqualTo("text"));
    assertThatThrownBy(() -> redis.value(JSON).set("d", new Edge("\uDBFFz", null, null, null, null, null, null)).block())
        .isInstanceOf(DataException.class).hasMessageStartingWith("The JSON of a Edge holds a lone UTF-16 surrogate");
    assertThat(redis.scan(TEXT).collectList().block()).isEmpty();
    assertThat(redis.scan(HASHES).collectList().block()).doesNotContain("c");
    assertThat(redis.value(JSON).exists("d").block()).isFalse();
  }
}
