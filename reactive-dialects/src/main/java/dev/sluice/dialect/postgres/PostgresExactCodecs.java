package dev.sluice.dialect.postgres;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Exact decoders for PostgreSQL's binary results, registered ahead of r2dbc-postgresql's own:
 * {@code date}, {@code timestamp}, {@code timestamptz} and {@code time} in PostgreSQL's own
 * calendar (year 1 and BC dates kept; the driver's binary decoder moves dates before 1582 by the
 * Julian calendar's days), {@code numeric} with its scale ({@code 0E-10} stays {@code 0E-10}),
 * and {@code jsonb} text without the binary format's version byte. Every value reads as the
 * driver's text decoder reads it, so turning on binary results changes no value; a
 * {@code timestamptz} is read at the offset of {@code sessionZone} (the driver's
 * {@code timeZone} option, by default the JVM's zone), as PostgreSQL prints it in text. Text
 * results and every encoding stay the driver's.
 *
 * <p>{@code Database.connect(url)} registers it by itself. A connection factory of your own
 * gets it with:
 *
 * <pre>{@code
 * PostgresqlConnectionConfiguration.builder()
 *     .host("127.0.0.1").username("postgres").database("test")
 *     .forceBinary(true)                          // binary results: streaming ~2x faster
 *     .codecRegistrar(new PostgresExactCodecs())  // read them exactly
 *     .build();
 * }</pre>
 *
 * <p>One side effect: the column metadata's {@code getJavaType()} of these types reads
 * {@code Object} on a binary connection (the driver names the codec's type there).
 */
public final class PostgresExactCodecs implements CodecRegistrar {
  private final ZoneRules sessionZone;

  /** With the JVM's default zone, the driver's default session zone. */
  public PostgresExactCodecs() {
    this(ZoneId.systemDefault());
  }

  /** With the session zone the connection factory sets (its {@code timeZone} option). */
  public PostgresExactCodecs(ZoneId sessionZone) {
    this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone").getRules();
  }

  @Override
  public Publisher<Void> register(PostgresqlConnection connection, ByteBufAllocator allocator, CodecRegistry registry) {
    return Mono.fromRunnable(() -> {
      List<Codec<?>> builtIn = new ArrayList<>();
      registry.forEach(builtIn::add);
      for (Codec<?> c : codecs(builtIn)) {
        registry.addFirst(c);
      }
    });
  }

  /** The codecs, each handing encoding to the first of {@code builtIn} that encodes its type. */
  List<Codec<?>> codecs(List<Codec<?>> builtIn) {
    ZoneRules zone = sessionZone;
    List<Codec<?>> out = new ArrayList<>();
    both(out, builtIn, PostgresqlObjectId.DATE, LocalDate.class, LocalDate.EPOCH, PostgresBinaryValues::date);
    both(out, builtIn, PostgresqlObjectId.TIMESTAMP, LocalDateTime.class, LocalDateTime.of(2000, 1, 1, 0, 0),
        PostgresBinaryValues::timestamp);
    both(out, builtIn, PostgresqlObjectId.TIMESTAMPTZ, OffsetDateTime.class,
        OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), b -> PostgresBinaryValues.timestamptz(b, zone));
    out.add(typed(builtIn, PostgresqlObjectId.TIMESTAMPTZ, Instant.class, Instant.EPOCH, PostgresBinaryValues::instant));
    both(out, builtIn, PostgresqlObjectId.TIME, LocalTime.class, LocalTime.MIDNIGHT, PostgresBinaryValues::time);
    both(out, builtIn, PostgresqlObjectId.NUMERIC, BigDecimal.class, BigDecimal.ONE, PostgresBinaryValues::numeric);
    out.add(typed(builtIn, PostgresqlObjectId.JSONB, String.class, "", PostgresBinaryValues::jsonbText));
    return out;
  }

  /** A codec for {@code type} and one for {@code Object} ({@code row.get(i)}), reading the same. */
  private static <T> void both(List<Codec<?>> out, List<Codec<?>> builtIn, PostgresqlObjectId oid, Class<T> type,
      T sample, Function<ByteBuf, T> reader) {
    out.add(typed(builtIn, oid, type, sample, reader));
    out.add(new ExactBinaryCodec<Object>(oid, Object.class, reader, null));
  }

  private static <T> Codec<T> typed(List<Codec<?>> builtIn, PostgresqlObjectId oid, Class<T> type, T sample,
      Function<ByteBuf, T> reader) {
    Codec<?> encoder = null;
    for (Codec<?> c : builtIn) {
      if (c.canEncode(sample)) {
        encoder = c;
        break;
      }
    }
    return new ExactBinaryCodec<>(oid, type, reader, encoder);
  }
}
