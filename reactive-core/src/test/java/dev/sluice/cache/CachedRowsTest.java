package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import dev.sluice.error.UncacheableValueException;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cache format's exact round trip, value by value, and what it refuses. */
class CachedRowsTest {
  /** Values whose round trip a lossy format would change: scale, bits, nanoseconds, offsets, units. */
  private static final List<Object> EDGES = Arrays.asList(
      null, "", "plain", "üñïçødé 𝄞", "unpaired \uD800 surrogate", "\uDC00",
      0, Integer.MIN_VALUE, Long.MAX_VALUE, (short) -7, (byte) 3, true, false,
      -0.0d, Double.NaN, Double.longBitsToDouble(0x7ff8000000000123L), Double.MIN_VALUE, 1e308,
      -0.0f, Float.NaN, 0.1f,
      new BigDecimal("0E-10"), new BigDecimal("1.000"), new BigDecimal("-123456789012345678901234567890.123456789"),
      new BigDecimal("1E+5"), new BigInteger("-99999999999999999999999"),
      LocalDate.of(1, 1, 1), LocalDate.of(-4712, 1, 1), LocalDate.MAX, LocalTime.of(23, 59, 59, 999_999_999),
      LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(2026, 12, 3, 10, 11, 12, 123_456_789),
      OffsetDateTime.of(2026, 3, 29, 2, 30, 0, 1, ZoneOffset.ofHoursMinutes(5, 45)),
      OffsetTime.of(1, 2, 3, 4, ZoneOffset.ofHours(-11)), Instant.ofEpochSecond(-62_135_596_800L, 999),
      ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZoneId.of("Europe/Berlin")).withLaterOffsetAtOverlap(),
      UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new byte[] {0, -1, 127}, new byte[0],
      Duration.ofSeconds(-5, 7), new String[] {"a", null, "c"}, new Integer[] {1, null}, new Long[0],
      new BigDecimal[] {new BigDecimal("2.50")}, 'x');

  @Test
  void everyValueReadsBackEqualAndOfTheSameClass() {
    CachedRows rows = CachedRows.fromBytes(capture(EDGES).toBytes());
    Row row = rows.rows().get(0);
    for (int i = 0; i < EDGES.size(); i++) {
      Object want = EDGES.get(i);
      Object got = row.get(i, Object.class);
      if (want == null) {
        assertThat(got).as("value %d", i).isNull();
        continue;
      }
      assertThat(got).as("value %d (%s)", i, want).isExactlyInstanceOf(want.getClass());
      if (want instanceof Double d) {
        assertThat(Double.doubleToRawLongBits((Double) got)).as("bits of %s", d).isEqualTo(Double.doubleToRawLongBits(d));
      } else if (want instanceof Float f) {
        assertThat(Float.floatToRawIntBits((Float) got)).as("bits of %s", f).isEqualTo(Float.floatToRawIntBits(f));
      } else if (want instanceof BigDecimal d) {
        assertThat(((BigDecimal) got).scale()).as("scale of %s", d).isEqualTo(d.scale());
        assertThat(got).isEqualTo(want);
      } else if (want.getClass().isArray()) {
        assertThat(Arrays.deepEquals(new Object[] {got}, new Object[] {want})).as("array %d", i).isTrue();
      } else {
        assertThat(got).as("value %d", i).isEqualTo(want);
      }
    }
  }

  @Test
  void aByteBufferReadsBackWithItsContentAndEachReadIsACopy() {
    ByteBuffer b = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
    b.position(1);
    CachedRows rows = CachedRows.fromBytes(capture(List.of(b)).toBytes());
    ByteBuffer first = ((ByteBuffer) rows.rows().get(0).get(0, Object.class));
    assertThat(first.remaining()).isEqualTo(3);
    first.get();
    assertThat(((ByteBuffer) rows.rows().get(0).get(0, Object.class)).remaining()).as("a second read is unaffected").isEqualTo(3);
  }

  @Test
  void aCallerChangingAnArrayItReadCannotChangeTheCache() {
    CachedRows rows = capture(List.of(new byte[] {1, 2}));
    ((byte[]) rows.rows().get(0).get(0, Object.class))[0] = 99;
    assertThat(((byte[]) rows.rows().get(0).get(0, Object.class))).containsExactly(1, 2);
  }

  @Test
  void readsByNameAndColumnNamesRoundTrip() {
    Row live = new FakeRow(List.of("id", "name"), List.of(7L, "Ada"));
    CapturedRow c = CapturedRow.of(live);
    assertThat(c.get("name", String.class)).isEqualTo("Ada");
    assertThat(c.getMetadata().getColumnMetadatas()).extracting(ColumnMetadata::getName).containsExactly("id", "name");
    CachedRows back = CachedRows.fromBytes(CachedRows.of(List.of(c)).toBytes());
    Row row = back.rows().get(0);
    assertThat(row.get("name", String.class)).isEqualTo("Ada");
    assertThat(row.getMetadata().getColumnMetadatas()).extracting(ColumnMetadata::getName).containsExactly("id", "name");
    assertThatThrownBy(() -> row.get("id", Long.class))
        .as("a frozen row answers only what its reader read").hasMessageContaining("no value for id");
  }

  @Test
  void aColumnNameWithAnUnpairedSurrogateRoundTripsUnitForUnit() {
    String odd = "col\uD800";
    CapturedRow c = CapturedRow.of(new FakeRow(List.of(odd), List.of("v")));
    assertThat(c.get(odd, String.class)).isEqualTo("v");
    c.getMetadata();
    Row back = CachedRows.fromBytes(CachedRows.of(List.of(c)).toBytes()).rows().get(0);
    assertThat(back.get(odd, String.class)).isEqualTo("v");
    assertThat(back.getMetadata().getColumnMetadatas()).extracting(ColumnMetadata::getName).containsExactly(odd);
  }

  @Test
  void aValueOutsideTheFormatIsRefusedNamingItsType() {
    CachedRows rows = capture(List.of(new StringBuilder("x")));
    assertThatThrownBy(rows::toBytes).isInstanceOf(UncacheableValueException.class)
        .hasMessageContaining("java.lang.StringBuilder");
  }

  @Test
  void bytesNotInTheFormatAreRefused() {
    byte[] good = capture(List.of("hello", 42L)).toBytes();
    assertThatThrownBy(() -> CachedRows.fromBytes(new byte[] {1, 2, 3})).isInstanceOf(MappingException.class)
        .hasMessageContaining("not in Sluice's cache format");
    assertThatThrownBy(() -> CachedRows.fromBytes(Arrays.copyOf(good, good.length - 3)))
        .isInstanceOf(MappingException.class).hasMessageContaining("truncated");
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> CachedRows.fromBytes(longer)).isInstanceOf(MappingException.class)
        .hasMessageContaining("after its last row");
  }

  /** One row holding {@code values} at indexes 0.., each read as Object. */
  private static CachedRows capture(List<Object> values) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      names.add("c" + i);
    }
    CapturedRow row = CapturedRow.of(new FakeRow(names, values));
    for (int i = 0; i < values.size(); i++) {
      row.get(i, Object.class);
    }
    return CachedRows.of(List.of(row));
  }

  /** A driver row over a list of values. */
  private record FakeRow(List<String> names, List<Object> values) implements Row {
    @Override public RowMetadata getMetadata() {
      return CapturedRow.frozen(new Object[0], new Class<?>[0], new Object[0], names).getMetadata();
    }

    @Override public <T> T get(int index, Class<T> type) {
      return type.cast(values.get(index));
    }

    @Override public <T> T get(String name, Class<T> type) {
      return type.cast(values.get(names.indexOf(name)));
    }
  }
}
