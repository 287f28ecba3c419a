package dev.sluice.dialect.postgres;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * PostgreSQL's binary wire formats read exactly, in the proleptic Gregorian calendar PostgreSQL
 * itself uses, giving the values r2dbc-postgresql's text decoders give: {@code date} and
 * {@code timestamp} of year 1 and BC stay what they are (the driver's binary decoder moves them
 * by the Julian calendar's days), {@code ±infinity} is {@code MAX}/{@code MIN} (as in text), a
 * {@code numeric} keeps its scale ({@code 0E-10}, {@code 1.000}), {@code NaN} and infinite
 * numerics are refused, and a {@code jsonb} is its text without the format's version byte.
 * Each method reads one value from the buffer's reader index.
 */
final class PostgresBinaryValues {
  private PostgresBinaryValues() {}

  /** Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
  private static final long EPOCH_DAYS = 10_957L;
  /** Seconds from 1970-01-01 to 2000-01-01. */
  private static final long EPOCH_SECONDS = EPOCH_DAYS * 86_400L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int NUMERIC_NEGATIVE = 0x4000;
  private static final int NUMERIC_NAN = 0xC000;
  private static final int NUMERIC_PLUS_INFINITY = 0xD000;
  private static final int NUMERIC_MINUS_INFINITY = 0xF000;
  private static final int JSONB_VERSION = 1;

  /** {@code date}: days since 2000-01-01; {@code infinity} is {@link LocalDate#MAX}, {@code -infinity} {@link LocalDate#MIN}. */
  static LocalDate date(ByteBuf buffer) {
    int days = buffer.readInt();
    if (days == Integer.MAX_VALUE) {
      return LocalDate.MAX;
    }
    if (days == Integer.MIN_VALUE) {
      return LocalDate.MIN;
    }
    return LocalDate.ofEpochDay(days + EPOCH_DAYS);
  }

  /** {@code timestamp}: microseconds since 2000-01-01 00:00; ±infinity as {@link LocalDateTime#MAX}/{@code MIN}. */
  static LocalDateTime timestamp(ByteBuf buffer) {
    long micros = buffer.readLong();
    if (micros == Long.MAX_VALUE) {
      return LocalDateTime.MAX;
    }
    if (micros == Long.MIN_VALUE) {
      return LocalDateTime.MIN;
    }
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L) + EPOCH_SECONDS,
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  /** {@code timestamptz} as an instant (microseconds since 2000-01-01 00:00 UTC); null for ±infinity. */
  static Instant instantOrNull(ByteBuf buffer) {
    long micros = buffer.readLong();
    if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
      return null;
    }
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L) + EPOCH_SECONDS,
        Math.floorMod(micros, 1_000_000L) * 1000);
  }

  /** {@code timestamptz} as an instant; ±infinity as {@link Instant#MAX}/{@code MIN}. */
  static Instant instant(ByteBuf buffer) {
    long micros = buffer.getLong(buffer.readerIndex());
    Instant i = instantOrNull(buffer);
    return i != null ? i : micros == Long.MAX_VALUE ? Instant.MAX : Instant.MIN;
  }

  /**
   * {@code timestamptz} at the offset {@code zone} has at that instant, which is what PostgreSQL
   * prints in text for a session in that zone; ±infinity as {@link OffsetDateTime#MAX}/{@code MIN}.
   */
  static OffsetDateTime timestamptz(ByteBuf buffer, ZoneRules zone) {
    long micros = buffer.getLong(buffer.readerIndex());
    Instant i = instantOrNull(buffer);
    if (i == null) {
      return micros == Long.MAX_VALUE ? OffsetDateTime.MAX : OffsetDateTime.MIN;
    }
    return OffsetDateTime.ofInstant(i, zone.isFixedOffset() ? zone.getOffset(Instant.EPOCH) : zone.getOffset(i));
  }

  /** {@link #timestamptz(ByteBuf, ZoneRules)} for a zone id. */
  static OffsetDateTime timestamptz(ByteBuf buffer, ZoneId zone) {
    return timestamptz(buffer, zone.getRules());
  }

  /** {@code time}: microseconds since midnight; {@code 24:00:00} is {@link LocalTime#MAX}, as in text. */
  static LocalTime time(ByteBuf buffer) {
    long micros = buffer.readLong();
    return micros >= MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
  }

  /**
   * {@code numeric}: digit count, weight (of the first base-10000 digit), sign, display scale,
   * then the base-10000 digits. The value keeps the display scale, as text does.
   *
   * @throws NumberFormatException for {@code NaN} and {@code ±Infinity}, which a {@link BigDecimal} cannot hold
   */
  static BigDecimal numeric(ByteBuf buffer) {
    int count = buffer.readShort();
    int weight = buffer.readShort();
    int sign = buffer.readShort() & 0xFFFF;
    int scale = buffer.readShort() & 0xFFFF;
    if (sign == NUMERIC_NAN || sign == NUMERIC_PLUS_INFINITY || sign == NUMERIC_MINUS_INFINITY) {
      buffer.skipBytes(2 * count);
      throw new NumberFormatException("numeric " + (sign == NUMERIC_NAN ? "NaN"
          : sign == NUMERIC_PLUS_INFINITY ? "Infinity" : "-Infinity") + " cannot be read as a BigDecimal");
    }
    if (count == 0) {
      return BigDecimal.ZERO.setScale(scale);
    }
    // the digits as one unscaled number, whose last base-10000 digit has the weight weight - count + 1
    int exponent = 4 * (count - 1 - weight);
    BigDecimal value;
    if (count <= 4) {
      long unscaled = 0;
      for (int i = 0; i < count; i++) {
        unscaled = unscaled * 10_000 + buffer.readShort();
      }
      value = BigDecimal.valueOf(sign == NUMERIC_NEGATIVE ? -unscaled : unscaled, exponent);
    } else {
      char[] digits = new char[4 * count];
      for (int i = 0; i < count; i++) {
        int d = buffer.readShort();
        digits[4 * i] = (char) ('0' + d / 1000);
        digits[4 * i + 1] = (char) ('0' + d / 100 % 10);
        digits[4 * i + 2] = (char) ('0' + d / 10 % 10);
        digits[4 * i + 3] = (char) ('0' + d % 10);
      }
      BigInteger unscaled = new BigInteger(new String(digits));
      value = new BigDecimal(sign == NUMERIC_NEGATIVE ? unscaled.negate() : unscaled, exponent);
    }
    // digits past the display scale (only the zeros filling the last group) are cut, as text does
    return value.setScale(scale, RoundingMode.DOWN);
  }

  /** {@code jsonb}: a version byte (1), then the JSON text in UTF-8. */
  static String jsonbText(ByteBuf buffer) {
    int version = buffer.readByte();
    if (version != JSONB_VERSION) {
      throw new IllegalArgumentException("jsonb binary format version " + version + " is not known (expected 1)");
    }
    String text = buffer.toString(buffer.readerIndex(), buffer.readableBytes(), StandardCharsets.UTF_8);
    buffer.skipBytes(buffer.readableBytes());
    return text;
  }
}
