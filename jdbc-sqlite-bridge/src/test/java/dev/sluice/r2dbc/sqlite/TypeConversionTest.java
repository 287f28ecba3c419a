package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeConversionTest {

    private Connection connection;

    @BeforeEach
    void open() {
        connection = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder().inMemory().build()));
    }

    @AfterEach
    void close() {
        Sql.close(connection);
    }

    private <T> T roundTrip(String declaredType, Object value, Class<T> type) {
        Sql.update(connection, "DROP TABLE IF EXISTS v");
        Sql.update(connection, "CREATE TABLE v (x " + declaredType + ")");
        Sql.update(connection, "INSERT INTO v VALUES ($1)", value);
        return Sql.single(connection, "SELECT x FROM v", type);
    }

    private Object natural(String declaredType, Object value) {
        Sql.update(connection, "DROP TABLE IF EXISTS v");
        Sql.update(connection, "CREATE TABLE v (x " + declaredType + ")");
        Sql.update(connection, "INSERT INTO v VALUES ($1)", value);
        return read("SELECT x FROM v", row -> row.get(0));
    }

    private Object read(String sql, Function<Row, Object> reader) {
        return Flux.from(connection.createStatement(sql).execute())
            .concatMap(r -> r.map((row, meta) -> reader.apply(row))).blockLast();
    }

    @Test
    void numbers() {
        assertThat(roundTrip("INTEGER", 42, Integer.class)).isEqualTo(42);
        assertThat(roundTrip("INTEGER", Long.MAX_VALUE, Long.class)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip("SMALLINT", (short) 7, Short.class)).isEqualTo((short) 7);
        assertThat(roundTrip("TINYINT", (byte) -3, Byte.class)).isEqualTo((byte) -3);
        assertThat(roundTrip("REAL", 1.25d, Double.class)).isEqualTo(1.25d);
        assertThat(roundTrip("REAL", 1.5f, Float.class)).isEqualTo(1.5f);
        assertThat(roundTrip("TEXT", new BigDecimal("12345678901234567890.123456789"), BigDecimal.class))
            .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(roundTrip("NUMERIC", new BigDecimal("2.50"), BigDecimal.class)).isEqualByComparingTo("2.5");
        assertThat(roundTrip("INTEGER", new BigInteger("123"), BigInteger.class)).isEqualTo(new BigInteger("123"));
        assertThat(roundTrip("TEXT", new BigInteger("123456789012345678901234567890"), BigInteger.class))
            .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(roundTrip("INTEGER", 5, String.class)).isEqualTo("5");
        assertThatThrownBy(() -> roundTrip("INTEGER", Long.MAX_VALUE, Integer.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textBooleanAndBinary() {
        assertThat(roundTrip("TEXT", "héllo", String.class)).isEqualTo("héllo");
        assertThat(roundTrip("BOOLEAN", true, Boolean.class)).isTrue();
        assertThat(natural("BOOLEAN", false)).isEqualTo(false);
        assertThat(roundTrip("BLOB", new byte[] {1, 2, 3}, byte[].class)).containsExactly(1, 2, 3);
        assertThat(roundTrip("BLOB", ByteBuffer.wrap(new byte[] {4, 5}), ByteBuffer.class)).isEqualTo(ByteBuffer.wrap(new byte[] {4, 5}));
        assertThat(natural("BLOB", new byte[] {9})).isEqualTo(ByteBuffer.wrap(new byte[] {9}));
        UUID uuid = UUID.randomUUID();
        assertThat(roundTrip("UUID", uuid, UUID.class)).isEqualTo(uuid);
        assertThat(natural("UUID", uuid)).isEqualTo(uuid);
        assertThat(roundTrip("TEXT", Thread.State.NEW, Thread.State.class)).isEqualTo(Thread.State.NEW);
    }

    @Test
    void lobs() {
        Clob clob = roundTrip("CLOB", Clob.from(Flux.just("ab", "cd")), Clob.class);
        assertThat(Flux.from(clob.stream()).reduce("", (a, b) -> a + b).block()).isEqualTo("abcd");
        Blob blob = roundTrip("BLOB", Blob.from(Flux.just(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2}))), Blob.class);
        ByteBuffer bytes = Flux.from(blob.stream()).reduce(ByteBuffer.allocate(2), ByteBuffer::put).block().flip();
        assertThat(bytes).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(natural("CLOB", Clob.from(Mono.just("x")))).isEqualTo("x");
    }

    @Test
    void dateAndTimeAreIsoText() {
        LocalDate date = LocalDate.of(2024, 2, 29);
        LocalTime time = LocalTime.of(13, 45, 30, 500_000_000);
        LocalDateTime dateTime = LocalDateTime.of(date, time);
        OffsetDateTime offset = OffsetDateTime.of(dateTime, ZoneOffset.ofHours(2));
        Instant instant = Instant.parse("2024-02-29T11:45:30.123Z");

        assertThat(roundTrip("DATE", date, LocalDate.class)).isEqualTo(date);
        assertThat(roundTrip("TIME", time, LocalTime.class)).isEqualTo(time);
        assertThat(roundTrip("DATETIME", dateTime, LocalDateTime.class)).isEqualTo(dateTime);
        assertThat(roundTrip("TIMESTAMP WITH TIME ZONE", offset, OffsetDateTime.class))
            .isEqualTo(offset.withOffsetSameInstant(ZoneOffset.UTC)); // the instant, in UTC
        assertThat(roundTrip("TIMESTAMP", instant, Instant.class)).isEqualTo(instant);
        assertThat(roundTrip("TEXT", dateTime, String.class)).isEqualTo("2024-02-29 13:45:30.5");
        assertThat(roundTrip("TEXT", instant, String.class)).isEqualTo("2024-02-29 11:45:30.123");
        assertThat(roundTrip("TEXT", offset, String.class)).isEqualTo("2024-02-29 11:45:30.5");

        assertThat(natural("DATE", date)).isEqualTo(date);
        assertThat(natural("DATETIME", dateTime)).isEqualTo(dateTime);
        // SQLite's own functions produce the same layout, and understand ours.
        assertThat(read("SELECT datetime('2024-02-29 13:45:30.5', '+1 day')", row -> row.get(0, LocalDateTime.class)))
            .isEqualTo(LocalDateTime.of(2024, 3, 1, 13, 45, 30));
        assertThat(read("SELECT '2024-02-29T13:45:30Z'", row -> row.get(0, OffsetDateTime.class)))
            .isEqualTo(OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> roundTrip("INTEGER", 5, LocalDate.class)).isInstanceOf(IllegalArgumentException.class);
    }

    /** One instant has one text whatever its offset, so SQLite's text order is the order of instants. */
    @Test
    void pointsInTimeAreStoredInUtcSoThatTheirTextSortsAsInstants() {
        OffsetDateTime a = OffsetDateTime.of(2024, 5, 1, 11, 0, 0, 0, ZoneOffset.ofHours(2));      // 09:00Z
        OffsetDateTime b = OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC);             // 09:30Z
        OffsetDateTime c = OffsetDateTime.of(2024, 5, 1, 5, 0, 0, 0, ZoneOffset.ofHours(-5));      // 10:00Z
        assertThat(List.of(roundTrip("TEXT", c, String.class), roundTrip("TEXT", a, String.class),
                roundTrip("TEXT", b, String.class)).stream().sorted().toList())
            .containsExactly("2024-05-01 09:00:00", "2024-05-01 09:30:00", "2024-05-01 10:00:00");
        assertThat(roundTrip("TEXT", a.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")), String.class))
            .isEqualTo("2024-05-01 09:00:00");
        // the text older versions wrote, with its offset, still reads as the same instant
        assertThat(read("SELECT '2024-05-01 11:00:00+02:00'", row -> row.get(0, OffsetDateTime.class)))
            .isEqualTo(a);
        assertThat(read("SELECT '2024-05-01 09:30:00.25Z'", row -> row.get(0, Instant.class)))
            .isEqualTo(Instant.parse("2024-05-01T09:30:00.25Z"));
    }

    @Test
    void naturalTypesOfExpressions() {
        assertThat(read("SELECT 1", row -> row.get(0))).isEqualTo(1);
        assertThat(read("SELECT 3000000000", row -> row.get(0))).isEqualTo(3_000_000_000L);
        assertThat(read("SELECT 0.5", row -> row.get(0))).isEqualTo(0.5d);
        assertThat(read("SELECT 'a'", row -> row.get(0))).isEqualTo("a");
        assertThat(read("SELECT x'CAFE'", row -> row.get(0))).isEqualTo(ByteBuffer.wrap(new byte[] {(byte) 0xCA, (byte) 0xFE}));
        assertThat(read("SELECT NULL AS n", row -> row.get("N") == null ? "null" : "not null")).isEqualTo("null");
        assertThat(natural("BIGINT", 5)).isEqualTo(5L);
        assertThat(natural("DATETIME", "not a date")).isEqualTo("not a date");
        assertThat(new String(roundTrip("TEXT", "x", byte[].class), StandardCharsets.UTF_8)).isEqualTo("x");
    }
}
