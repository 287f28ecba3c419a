package dev.sluice.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.DefaultCodecs;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresExactCodecs} registered into r2dbc-postgresql's own codec registry (as its
 * connection does): binary values of its types are read by Sluice's readers, for the typed
 * {@code get} and for {@code get(i)}, while text values and every encoding stay the driver's.
 */
class PostgresExactCodecsTest {
  private static ByteBuf hex(String hex) {
    return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
  }

  private static DefaultCodecs registered() {
    DefaultCodecs codecs = new DefaultCodecs(ByteBufAllocator.DEFAULT);
    List<Codec<?>> builtIn = new ArrayList<>();
    codecs.forEach(builtIn::add);
    for (Codec<?> c : new PostgresExactCodecs(ZoneOffset.UTC).codecs(builtIn)) {
      codecs.addFirst(c);
    }
    return codecs;
  }

  private static Object decode(DefaultCodecs codecs, String hex, PostgresqlObjectId type, Class<?> as) {
    return codecs.decode(hex(hex), type.getObjectId(), Format.FORMAT_BINARY, as);
  }

  @Test
  void theDriversOwnBinaryDecodersGetTheseValuesWrong() {
    DefaultCodecs driver = new DefaultCodecs(ByteBufAllocator.DEFAULT);
    assertThat(decode(driver, "fff4dbf9", PostgresqlObjectId.DATE, LocalDate.class)).isEqualTo(LocalDate.of(0, 12, 30));
    assertThat(decode(driver, "000000000000000a", PostgresqlObjectId.NUMERIC, BigDecimal.class)).hasToString("0");
    assertThat(decode(driver, "00000000c0000000", PostgresqlObjectId.NUMERIC, BigDecimal.class)).hasToString("0"); // NaN
    assertThat((String) decode(driver, "017b7d", PostgresqlObjectId.JSONB, String.class)).isEqualTo("\u0001{}");
  }

  @Test
  void binaryValuesAreReadBySluiceForTheTypedGetAndForGetObject() {
    DefaultCodecs codecs = registered();
    for (Class<?> as : List.of(LocalDate.class, Object.class)) {
      assertThat(decode(codecs, "fff4dbf9", PostgresqlObjectId.DATE, as)).isEqualTo(LocalDate.of(1, 1, 1));
      assertThat(decode(codecs, "ff1fe2ffc59c6000", PostgresqlObjectId.TIMESTAMP, as == Object.class ? as : LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0));
      assertThat(decode(codecs, "ff1fe2ffc59c6000", PostgresqlObjectId.TIMESTAMPTZ, as == Object.class ? as : OffsetDateTime.class))
          .isEqualTo(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
      assertThat(decode(codecs, "000000141dd76000", PostgresqlObjectId.TIME, as == Object.class ? as : LocalTime.class))
          .isEqualTo(LocalTime.MAX);
      assertThat(decode(codecs, "000000000000000a", PostgresqlObjectId.NUMERIC, as == Object.class ? as : BigDecimal.class))
          .hasToString("0E-10");
    }
    assertThat(decode(codecs, "ff1fe2ffc59c6000", PostgresqlObjectId.TIMESTAMPTZ, Instant.class))
        .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(decode(codecs, "017b7d", PostgresqlObjectId.JSONB, String.class)).isEqualTo("{}");
  }

  @Test
  void textValuesStayTheDrivers() {
    DefaultCodecs codecs = registered();
    ByteBuf text = Unpooled.copiedBuffer("0001-01-01", java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(codecs.decode(text, PostgresqlObjectId.DATE.getObjectId(), Format.FORMAT_TEXT, LocalDate.class))
        .isEqualTo(LocalDate.of(1, 1, 1));
    ByteBuf json = Unpooled.copiedBuffer("{\"a\": 1}", java.nio.charset.StandardCharsets.UTF_8);
    assertThat(codecs.decode(json, PostgresqlObjectId.JSONB.getObjectId(), Format.FORMAT_TEXT, String.class))
        .isEqualTo("{\"a\": 1}");
  }

  @Test
  void encodingIsUnchanged() {
    DefaultCodecs driver = new DefaultCodecs(ByteBufAllocator.DEFAULT);
    DefaultCodecs codecs = registered();
    for (Object v : List.of(LocalDate.of(1, 1, 1), LocalDateTime.of(2024, 3, 31, 2, 30),
        OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)), Instant.EPOCH,
        LocalTime.NOON, new BigDecimal("0E-10"), "text \u2713")) {
      assertThat(render(codecs.encode(v))).as(v.getClass().getSimpleName()).isEqualTo(render(driver.encode(v)));
    }
    for (Class<?> t : List.of(LocalDate.class, BigDecimal.class, String.class, OffsetDateTime.class)) {
      assertThat(render(codecs.encodeNull(t))).as("null " + t.getSimpleName()).isEqualTo(render(driver.encodeNull(t)));
    }
  }

  /**
   * Format and type of an encoded parameter (its bytes are not readable from outside the driver;
   * the value fidelity contract writes every value through them, live).
   */
  private static String render(EncodedParameter p) {
    return p.toString();
  }
}
