package dev.sluice.dialect.postgres;

import static dev.sluice.query.Dsl.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialects;
import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Binary results on PostgreSQL, live: a factory from a URL ({@link Dialects#connect}) reads every
 * value of the types Sluice decodes itself exactly as the driver's text protocol reads it, edge
 * values included; Sluice's statements without binds come back in binary too; and values only
 * PostgreSQL has (BC dates, ±infinity, 24:00) round-trip through Sluice.
 */
class PostgresBinaryIT {
  private static final Duration T = Duration.ofSeconds(30);

  @BeforeAll
  static void reachable() {
    PostgresTarget.INSTANCE.requireReachable();
  }

  /** One value of {@code sql} (a literal), read as {@code type}: over the extended protocol when {@code extended}. */
  private static Object read(ConnectionFactory f, String sql, Class<?> type, boolean extended) {
    return Mono.usingWhen(Mono.from(f.create()), (Connection c) -> {
      io.r2dbc.spi.Statement s = c.createStatement("SELECT " + sql + " AS v");
      if (extended) {
        new PostgresDialect().prepareUnboundRead(s);
      }
      return Flux.from(s.execute()).concatMap(r -> r.map((row, m) -> java.util.Optional.ofNullable(row.get(0, type))))
          .next();
    }, Connection::close).block(T).orElse(null);
  }

  private static final List<Object[]> VALUES = List.of(
      new Object[] {LocalDate.class, "'0001-01-01'::date", "'0044-03-15 BC'::date", "'4713-01-01 BC'::date",
          "'1582-10-04'::date", "'1582-10-15'::date", "'9999-12-31'::date", "'2024-02-29'::date",
          "'infinity'::date", "'-infinity'::date"},
      new Object[] {LocalDateTime.class, "'0001-01-01 00:00'::timestamp", "'0044-03-15 12:00:00.5 BC'::timestamp",
          "'1969-12-31 23:59:59.999999'::timestamp", "'9999-12-31 23:59:59.999999'::timestamp",
          "'294276-12-31 23:59:59.999999'::timestamp", "'infinity'::timestamp", "'-infinity'::timestamp"},
      new Object[] {OffsetDateTime.class, "'0001-01-01 00:00+00'::timestamptz", "'1582-10-04 12:00+00'::timestamptz",
          "'2024-03-31 01:59:59.999999+00'::timestamptz", "'2024-10-27 00:30+00'::timestamptz",
          "'9999-12-31 23:59:59.999999+00'::timestamptz", "'infinity'::timestamptz", "'-infinity'::timestamptz"},
      new Object[] {Instant.class, "'0001-01-01 00:00+00'::timestamptz", "'2024-10-27 00:30+00'::timestamptz"},
      new Object[] {LocalTime.class, "'00:00'::time", "'24:00'::time", "'12:34:56.000001'::time",
          "'23:59:59.999999'::time"},
      new Object[] {BigDecimal.class, "0.0000000000::numeric(38,10)", "1.000::numeric", "(-10.5)::numeric(38,10)",
          "9999999999999999999999999999.9999999999::numeric(38,10)", "100000000000000000000::numeric",
          "0.0000000001::numeric", "12345678901234567890.5::numeric", "(-0.5)::numeric", "1::numeric / 3",
          "0::numeric"},
      new Object[] {String.class, "'{\"k\": \"v\u00E4rde \u2713 \uD83D\uDE00\"}'::jsonb", "'[]'::jsonb",
          "'{\"a\": [1, 2.5, null, true], \"b\": \"\\\"q\\\" \\\\\"}'::jsonb"});

  /** Each value read in text (simple protocol) and in binary (extended, on the URL's factory), typed and as {@code Object}. */
  private static void assertBinaryReadsAsText(String zoneQuery) {
    String sep = PostgresTarget.URL.contains("?") ? "&" : "?";
    ConnectionFactory text = ConnectionFactories.get(PostgresTarget.URL + zoneQuery.replaceFirst("^&", sep));
    ConnectionFactory binary = Dialects.connect(PostgresTarget.URL + zoneQuery.replaceFirst("^&", sep));
    int checked = 0;
    for (Object[] kind : VALUES) {
      Class<?> type = (Class<?>) kind[0];
      for (int i = 1; i < kind.length; i++) {
        String sql = (String) kind[i];
        Object expected = read(text, sql, type, false);
        assertThat(read(binary, sql, type, true)).as(sql + " as " + type.getSimpleName()).isEqualTo(expected);
        if (type != Instant.class && type != String.class) {
          assertThat(read(binary, sql, Object.class, true)).as(sql + " as Object").isEqualTo(expected);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(42);
  }

  @Test
  void binaryResultsReadEveryValueAsTextDoes() {
    assertBinaryReadsAsText("");
  }

  /** A session zone with daylight saving and, in year 1, a local mean time offset of seconds (+00:53:28). */
  @Test
  void binaryTimestamptzTakesTheSessionZonesOffsetAsTextDoes() {
    assertBinaryReadsAsText("&timeZone=Europe/Berlin");
    ConnectionFactory binary = Dialects.connect(PostgresTarget.URL
        + (PostgresTarget.URL.contains("?") ? "&" : "?") + "timeZone=Europe/Berlin");
    assertThat(read(binary, "'2024-10-27 00:30+00'::timestamptz", OffsetDateTime.class, true))
        .isEqualTo(OffsetDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneOffset.ofHours(2)));
  }

  @Test
  void numericNaNIsRefusedInBinaryAsInText() {
    ConnectionFactory text = ConnectionFactories.get(PostgresTarget.URL);
    ConnectionFactory binary = Dialects.connect(PostgresTarget.URL);
    assertThatThrownBy(() -> read(text, "'NaN'::numeric", BigDecimal.class, false))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> read(binary, "'NaN'::numeric", BigDecimal.class, true))
        .isInstanceOf(NumberFormatException.class).hasMessage("numeric NaN cannot be read as a BigDecimal");
    assertThatThrownBy(() -> read(binary, "'Infinity'::numeric", BigDecimal.class, true))
        .isInstanceOf(NumberFormatException.class).hasMessageContaining("Infinity");
  }

  /** Without Sluice's decoders, the driver's binary results move year 1 by two days and drop a numeric's scale. */
  @Test
  void theDriversOwnBinaryDecodersWouldChangeValues() {
    String sep = PostgresTarget.URL.contains("?") ? "&" : "?";
    ConnectionFactory raw = ConnectionFactories.get(PostgresTarget.URL + sep + "forceBinary=true");
    assertThat(read(raw, "'0001-01-01'::date", LocalDate.class, true)).isEqualTo(LocalDate.of(0, 12, 30));
    assertThat(read(raw, "0.0000000000::numeric(38,10)", BigDecimal.class, true)).hasToString("0");
  }

  // ---- through Sluice ----------------------------------------------------------------------------

  public record Odd(Integer id, LocalDate day, LocalDateTime stamp, OffsetDateTime stampTz, LocalTime clock,
                    BigDecimal amount) {}

  public static final class Odds extends Table<Odd> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<LocalDate> day = date("day");
    public final Column<LocalDateTime> stamp = timestamp("stamp");
    public final Column<OffsetDateTime> stampTz = timestamptz("stamp_tz");
    public final Column<LocalTime> clock = time("clock");
    public final Column<BigDecimal> amount = decimal("amount", 20, 3);

    public Odds() { super("binary_odds"); }
  }

  static final Odds ODDS = new Odds();

  /** Counts the binary {@code int4} values read as {@code Integer} on its connections. */
  static final class BinaryInts implements CodecRegistrar {
    final AtomicInteger read = new AtomicInteger();

    @Override public Publisher<Void> register(PostgresqlConnection c, ByteBufAllocator a, CodecRegistry registry) {
      return Mono.fromRunnable(() -> {
        Codec<?> encoder = null;
        for (Codec<?> codec : registry) {
          if (encoder == null && codec.canEncode(1)) {
            encoder = codec;
          }
        }
        registry.addFirst(new ExactBinaryCodec<Integer>(PostgresqlObjectId.INT4, Integer.class, b -> {
          read.incrementAndGet();
          return b.readInt();
        }, encoder));
      });
    }
  }

  private static Database database(BinaryInts probe) {
    ConnectionFactoryOptions options = Dialects.connectionOptions(ConnectionFactoryOptions.parse(PostgresTarget.URL));
    List<Object> extensions = new ArrayList<>((Collection<?>) options.getValue(PostgresConnectionOptions.EXTENSIONS));
    extensions.add(probe);
    return Database.builder().connectionFactory(ConnectionFactories.get(options.mutate()
        .option(PostgresConnectionOptions.EXTENSIONS, extensions).build())).poolSize(1).build();
  }

  @Test
  void sluiceReadsStatementsWithAndWithoutBindsInBinary() {
    BinaryInts probe = new BinaryInts();
    Database db = database(probe);
    try {
      db.dropTables(ODDS).onErrorComplete().block(T);
      db.createTables(ODDS).block(T);
      db.insertInto(ODDS).values(List.of(new Odd(1, null, null, null, null, null),
          new Odd(2, null, null, null, null, null), new Odd(3, null, null, null, null, null))).execute().block(T);
      int before = probe.read.get();
      assertThat(db.selectFrom(ODDS).orderBy(ODDS.id).fetch().map(Odd::id).collectList().block(T))
          .containsExactly(1, 2, 3);
      assertThat(probe.read.get() - before).as("ids read in binary, no binds").isEqualTo(3);
      assertThat(db.selectFrom(ODDS).where(eq(ODDS.id, 2)).fetchOne().map(Odd::id).block(T)).isEqualTo(2);
      assertThat(probe.read.get() - before).as("and with binds").isEqualTo(4);
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void valuesOnlyPostgresHasRoundTripThroughSluice() {
    List<Odd> rows = List.of(
        new Odd(1, LocalDate.of(-43, 3, 15), LocalDateTime.of(-43, 3, 15, 12, 0, 0, 500_000_000),
            OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), LocalTime.MAX, new BigDecimal("1.000")),
        new Odd(2, LocalDate.MAX, LocalDateTime.MAX, OffsetDateTime.MAX, LocalTime.MIDNIGHT, new BigDecimal("0.000")),
        new Odd(3, LocalDate.MIN, LocalDateTime.MIN, OffsetDateTime.MIN, LocalTime.of(23, 59, 59, 999_999_000),
            new BigDecimal("-99999999999999999.999")));
    Database db = Database.connect(PostgresTarget.URL);
    try {
      db.dropTables(ODDS).onErrorComplete().block(T);
      db.createTables(ODDS).block(T);
      db.insertInto(ODDS).values(rows).execute().block(T);
      assertThat(db.selectFrom(ODDS).orderBy(ODDS.id).fetch().collectList().block(T)).containsExactlyElementsOf(rows);
    } finally {
      db.close().block(T);
    }
  }
}
