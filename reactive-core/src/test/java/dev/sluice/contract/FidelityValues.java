package dev.sluice.contract;

import dev.sluice.contract.FidelitySchema.Extras;
import dev.sluice.contract.FidelitySchema.Scalars;
import dev.sluice.testing.Popularity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The edge values of {@link ValueFidelityContract}, one list per column; row {@code i} takes the
 * {@code i}-th value of each list (cycling), so every value of every list appears in some row, and
 * null in each column too. Also the exact comparison of rows read back.
 */
final class FidelityValues {
  private FidelityValues() {}

  static final List<Short> SMALL = list(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) -1, null);
  static final List<Integer> MEDIUM = list(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, null);
  static final List<Long> BIG = list(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, null);
  static final List<BigDecimal> AMOUNT = list(
      new BigDecimal("9999999999999999999999999999.9999999999"),
      new BigDecimal("-9999999999999999999999999999.9999999999"),
      new BigDecimal("1234567890123456789012345678.0123456789"),
      new BigDecimal("0.0000000001"), new BigDecimal("-0.0000000001"), new BigDecimal("0E-10"),
      new BigDecimal("9.0000000000"), new BigDecimal("10.0000000000"), new BigDecimal("-10.5000000000"),
      null);
  /** Float.MAX_VALUE is one of {@link ValueFidelityContract}'s kept-or-refused values: MariaDB refuses it. */
  static final List<Float> RATIO = list(3.4e38f, -3.4e38f, Float.MIN_NORMAL, 0.1f, 1.5f, 0f, -3.25f, null);
  static final List<Double> SCORE = list(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1,
      1.0 / 3, 0.0, -2.5, 1e300, null);
  static final List<Boolean> FLAG = list(true, false, null);
  static final List<String> NAME = list("", "plain", "emoji \uD83D\uDE00 and \uD834\uDD1E astral",
      "\u00FCn\u00EFc\u00F6d\u00E9 \u2713 \u4E2D\u6587", "tab\there\nnew line", "quote ' \" \\ back",
      "trailing spaces   ", "   leading", null);
  static final List<String> CODE = list("abcd", "\u00FC\u2713\u4E2D\u00E9", "1234", null);
  static final List<String> BODY = list("", "x", "multi\nline \u00E9\u00E8 \uD83D\uDE80 text", null);
  static final List<LocalDate> DAY = list(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
      LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(1969, 12, 31), null);
  static final List<LocalDateTime> STAMP = list(LocalDateTime.of(1, 1, 1, 0, 0),
      LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
      LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000),   // in the spring-forward gap of Europe
      LocalDateTime.of(2024, 10, 27, 2, 30, 0, 1_000),         // twice in the autumn in Europe
      LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2024, 5, 1, 13, 45, 30, 500_000_000), null);
  static final List<OffsetDateTime> STAMP_TZ = list(
      OffsetDateTime.of(2024, 3, 31, 1, 59, 59, 999_999_000, ZoneOffset.UTC),     // just before the change
      OffsetDateTime.of(2024, 3, 31, 3, 0, 0, 0, ZoneOffset.ofHours(2)),          // just after (01:00Z)
      OffsetDateTime.of(2024, 10, 27, 2, 30, 0, 1_000, ZoneOffset.ofHours(2)),    // 00:30Z
      OffsetDateTime.of(2024, 10, 27, 2, 30, 0, 1_000, ZoneOffset.ofHours(1)),    // 01:30Z
      OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
      OffsetDateTime.of(2024, 5, 1, 4, 0, 0, 0, ZoneOffset.ofHours(-5)),
      OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
      OffsetDateTime.of(2999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC), null);
  static final List<UUID> UID = list(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
      new UUID(0, 0), new UUID(-1L, -1L), null);

  static final List<LocalTime> CLOCK = list(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000),
      LocalTime.of(12, 34, 56, 1_000), null);
  /** JSON in the form PostgreSQL's jsonb prints, so that json and jsonb read back the same text. */
  static final List<String> DOC = list("{\"k\": \"v\u00E4rde \u2713 \uD83D\uDE00\"}", "[]",
      "{\"a\": [1, 2.5, null, true], \"b\": \"\\\"quoted\\\" \\\\ \"}", "\"\"", null);
  static final List<byte[]> PAYLOAD = list(allBytes(), new byte[0], new byte[] {0}, null);
  static final List<Popularity> MOOD = list(Popularity.UNKNOWN, Popularity.KNOWN, Popularity.POPULAR, null);

  /** Enough rows for every value of the longest list. */
  static final int ROWS = 10;

  static List<Scalars> scalars(int firstId) {
    List<Scalars> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Scalars(firstId + i, at(SMALL, i), at(MEDIUM, i), at(BIG, i), at(AMOUNT, i),
          at(RATIO, i), at(SCORE, i), at(FLAG, i), at(NAME, i), at(CODE, i), at(BODY, i), at(DAY, i),
          at(STAMP, i), at(STAMP_TZ, i), at(UID, i)));
    }
    return rows;
  }

  static List<Extras> extras(int firstId) {
    List<Extras> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Extras(firstId + i, at(CLOCK, i), at(DOC, i), at(DOC, i), at(PAYLOAD, i), at(MOOD, i)));
    }
    return rows;
  }

  static byte[] allBytes() {
    byte[] b = new byte[256];
    for (int i = 0; i < 256; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /**
   * The differences between rows written and rows read, one line per value, empty when all are
   * equal: exactly (-0.0 is not 0.0, NaN is NaN, a decimal keeps its scale), except that a
   * {@code timestamptz} is compared as an instant (the offset it was written with is not kept).
   */
  static List<String> differences(List<?> expected, List<?> actual) {
    List<String> out = new ArrayList<>();
    if (expected.size() != actual.size()) {
      out.add("expected " + expected.size() + " rows, read " + actual.size());
      return out;
    }
    for (int r = 0; r < expected.size(); r++) {
      Record e = (Record) expected.get(r);
      Record a = (Record) actual.get(r);
      var components = e.getClass().getRecordComponents();
      for (var c : components) {
        try {
          Object ev = c.getAccessor().invoke(e);
          Object av = c.getAccessor().invoke(a);
          boolean json = c.getName().startsWith("doc");
          if (json ? !Objects.equals(compactJson(ev), compactJson(av)) : !same(ev, av)) {
            out.add("row " + r + " " + c.getName() + ": wrote " + show(ev) + ", read " + show(av));
          }
        } catch (ReflectiveOperationException ex) {
          throw new IllegalStateException(ex);
        }
      }
    }
    return out;
  }

  /**
   * JSON without the white space between tokens: H2 and PostgreSQL's {@code jsonb} keep a JSON value,
   * not its text ({@code {"k": 1}} reads back as {@code {"k":1}} on H2).
   */
  static String compactJson(Object json) {
    if (json == null) {
      return null;
    }
    String s = (String) json;
    StringBuilder out = new StringBuilder(s.length());
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(s.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
        inString = c == '"';
      }
    }
    return out.toString();
  }

  static boolean same(Object e, Object a) {
    if (e instanceof OffsetDateTime x && a instanceof OffsetDateTime y) {
      return x.isEqual(y);
    }
    if (e instanceof byte[] x && a instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return Objects.equals(e, a); // Double/Float equals: NaN equals NaN, -0.0 differs from 0.0
  }

  static String show(Object v) {
    if (v instanceof byte[] b) {
      return "byte[" + b.length + "]";
    }
    if (v instanceof String s) {
      return s.length() > 60 ? "\"" + s.substring(0, 60) + "...\" (" + s.length() + " chars)" : "\"" + s + "\"";
    }
    return String.valueOf(v);
  }

  private static <T> T at(List<T> values, int i) {
    return values.get(i % values.size());
  }

  @SafeVarargs
  private static <T> List<T> list(T... values) {
    return java.util.Collections.unmodifiableList(Arrays.asList(values));
  }
}
