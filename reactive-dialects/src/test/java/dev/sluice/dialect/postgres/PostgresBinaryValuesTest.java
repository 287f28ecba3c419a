package dev.sluice.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Each binary reader on the bytes PostgreSQL 15 sends: every hex string below is what
 * {@code numeric_send}, {@code date_send}, {@code timestamp_send}, {@code time_send} and
 * {@code jsonb_send} return for the literal in the comment. Each expected value is what
 * r2dbc-postgresql's text decoder gives for the same literal.
 */
class PostgresBinaryValuesTest {
  private static ByteBuf hex(String hex) {
    return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
  }

  private static BigDecimal numeric(String hex) {
    ByteBuf b = hex(hex);
    BigDecimal v = PostgresBinaryValues.numeric(b);
    assertThat(b.readableBytes()).as("bytes left").isZero();
    return v;
  }

  @Test
  void numericKeepsItsScale() {
    assertThat(numeric("000000000000000a")).isEqualTo(new BigDecimal("0.0000000000")).hasToString("0E-10");
    assertThat(numeric("00010000000000030001")).isEqualTo(new BigDecimal("1.000"));
    assertThat(numeric("000200004000000a000a1388")).isEqualTo(new BigDecimal("-10.5000000000"));
    assertThat(numeric("0001fffd0000000a0064")).isEqualTo(new BigDecimal("0.0000000001"));
    assertThat(numeric("0001ffff400000011388")).isEqualTo(new BigDecimal("-0.5"));
    assertThat(numeric("0004000200000003000109291a8504ce")).isEqualTo(new BigDecimal("123456789.123"));
  }

  @Test
  void numericBeyondALongAndLargeIntegers() {
    assertThat(numeric("000a00060000000a270f270f270f270f270f270f270f270f270f26ac"))
        .isEqualTo(new BigDecimal("9999999999999999999999999999.9999999999"));
    assertThat(numeric("000a00064000000a270f270f270f270f270f270f270f270f270f26ac"))
        .isEqualTo(new BigDecimal("-9999999999999999999999999999.9999999999"));
    assertThat(numeric("000600040000000104d2162e23340d801ed21388"))
        .isEqualTo(new BigDecimal("12345678901234567890.5"));
    assertThat(numeric("00010005000000000001")).isEqualTo(new BigDecimal("100000000000000000000"));
  }

  @Test
  void numericNaNAndInfinitiesAreRefused() {
    assertThatThrownBy(() -> numeric("00000000c0000000")).isInstanceOf(NumberFormatException.class)
        .hasMessage("numeric NaN cannot be read as a BigDecimal");
    assertThatThrownBy(() -> numeric("00000000d0000020")).isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> numeric("00000000f0000020")).isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("-Infinity");
  }

  @Test
  void datesInPostgresCalendarIncludingYearOneAndBc() {
    assertThat(PostgresBinaryValues.date(hex("fff4dbf9"))).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(PostgresBinaryValues.date(hex("fff49d7b"))).isEqualTo(LocalDate.of(-43, 3, 15)); // 0044-03-15 BC
    assertThat(PostgresBinaryValues.date(hex("ffda97cd"))).isEqualTo(LocalDate.of(-4712, 1, 1)); // 4713-01-01 BC
    assertThat(PostgresBinaryValues.date(hex("00000000"))).isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(PostgresBinaryValues.date(hex("002c95d3"))).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(PostgresBinaryValues.date(hex("fffdacc0"))).isEqualTo(LocalDate.of(1582, 10, 15));
    assertThat(PostgresBinaryValues.date(hex("fffdacb5"))).isEqualTo(LocalDate.of(1582, 10, 4));
    assertThat(PostgresBinaryValues.date(hex("7fda970c"))).isEqualTo(LocalDate.of(5874897, 12, 31));
  }

  @Test
  void infiniteDatesAndTimestampsAreMaxAndMinAsInText() {
    assertThat(PostgresBinaryValues.date(hex("7fffffff"))).isEqualTo(LocalDate.MAX);
    assertThat(PostgresBinaryValues.date(hex("80000000"))).isEqualTo(LocalDate.MIN);
    assertThat(PostgresBinaryValues.timestamp(hex("7fffffffffffffff"))).isEqualTo(LocalDateTime.MAX);
    assertThat(PostgresBinaryValues.timestamp(hex("8000000000000000"))).isEqualTo(LocalDateTime.MIN);
    assertThat(PostgresBinaryValues.timestamptz(hex("7fffffffffffffff"), ZoneOffset.UTC)).isEqualTo(OffsetDateTime.MAX);
    assertThat(PostgresBinaryValues.timestamptz(hex("8000000000000000"), ZoneOffset.UTC)).isEqualTo(OffsetDateTime.MIN);
    assertThat(PostgresBinaryValues.instant(hex("7fffffffffffffff"))).isEqualTo(Instant.MAX);
    assertThat(PostgresBinaryValues.instant(hex("8000000000000000"))).isEqualTo(Instant.MIN);
  }

  @Test
  void timestampsToTheMicrosecond() {
    assertThat(PostgresBinaryValues.timestamp(hex("ff1fe2ffc59c6000"))).isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0));
    assertThat(PostgresBinaryValues.timestamp(hex("ff1af9e8fb46d000"))).isEqualTo(LocalDateTime.of(-43, 3, 15, 12, 0));
    assertThat(PostgresBinaryValues.timestamp(hex("ffffffffffffffff")))
        .isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000));
    assertThat(PostgresBinaryValues.timestamp(hex("0380e70b913b7fff")))
        .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
    assertThat(PostgresBinaryValues.timestamp(hex("7fffff5bb3b29fff")))
        .isEqualTo(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
  }

  /** The same microseconds as a timestamp, read as an instant at the session zone's offset of that instant. */
  @Test
  void timestamptzAtTheSessionZonesOffset() {
    OffsetDateTime utc = PostgresBinaryValues.timestamptz(hex("ffffffffffffffff"), ZoneOffset.UTC);
    assertThat(utc).isEqualTo(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC));
    OffsetDateTime berlin = PostgresBinaryValues.timestamptz(hex("ffffffffffffffff"), ZoneId.of("Europe/Berlin"));
    assertThat(berlin).isEqualTo(OffsetDateTime.of(2000, 1, 1, 0, 59, 59, 999_999_000, ZoneOffset.ofHours(1)));
    assertThat(PostgresBinaryValues.timestamptz(hex("ff1fe2ffc59c6000"), ZoneOffset.UTC))
        .isEqualTo(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(PostgresBinaryValues.instant(hex("ff1fe2ffc59c6000"))).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
  }

  @Test
  void timesIncludingTwentyFourOClock() {
    assertThat(PostgresBinaryValues.time(hex("0000000000000000"))).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(PostgresBinaryValues.time(hex("000000141dd76000"))).isEqualTo(LocalTime.MAX); // 24:00, as text reads it
    assertThat(PostgresBinaryValues.time(hex("0000000a8bda1c01"))).isEqualTo(LocalTime.of(12, 34, 56, 1_000));
    assertThat(PostgresBinaryValues.time(hex("000000141dd75fff"))).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
  }

  @Test
  void jsonbIsItsTextWithoutTheVersionByte() {
    ByteBuf b = hex("017b226b223a202276c3a472646520e29c9320f09f9880227d");
    assertThat(PostgresBinaryValues.jsonbText(b)).isEqualTo("{\"k\": \"v\u00E4rde \u2713 \uD83D\uDE00\"}");
    assertThat(b.readableBytes()).isZero();
    assertThatThrownBy(() -> PostgresBinaryValues.jsonbText(hex("027b7d")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
  }
}
