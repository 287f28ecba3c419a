package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.data.Interval;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every value the driver normalises, read live and compared with the server's own text of it (the same column
 * cast to text in the same statement): exact, or refused with an {@link InexactValueException} naming the column.
 * Each read runs twice: without binds (simple protocol, text results) and with a bind (extended, binary results).
 */
class VertxPostgresExactValuesIT extends OneConnection {
    /** {@code read} of the single row of {@code SELECT select}, once without binds and once with one. */
    private <T> List<T> both(String select, Function<Row, T> read) {
        List<T> out = new ArrayList<>();
        out.add(Flux.from(c.createStatement("SELECT " + select).execute())
            .flatMap(r -> r.map((row, md) -> read.apply(row))).blockLast());
        out.add(Flux.from(c.createStatement("SELECT " + select + " WHERE $1 = 1").bind(0, 1).execute())
            .flatMap(r -> r.map((row, md) -> read.apply(row))).blockLast());
        return out;
    }

    private Throwable failure(String select, Function<Row, Object> read) {
        Throwable[] seen = new Throwable[2];
        for (int i = 0; i < 2; i++) {
            String sql = i == 0 ? "SELECT " + select : "SELECT " + select + " WHERE $1 = 1";
            var statement = c.createStatement(sql);
            if (i == 1) {
                statement.bind(0, 1);
            }
            try {
                Flux.from(statement.execute()).flatMap((Result r) -> r.map((row, md) -> read.apply(row))).blockLast();
            } catch (RuntimeException e) {
                seen[i] = e;
            }
        }
        assertThat(seen).as("refused without and with binds").doesNotContainNull();
        assertThat(seen[1]).isExactlyInstanceOf(seen[0].getClass()).hasMessage(seen[0].getMessage());
        return seen[0];
    }

    @Test
    void jsonbReadsAsTheServersTextWhenVertxParsedItExactly() {
        String[] docs = {
            "{\"b\": [1, 2, {\"z\": null, \"y\": true}], \"a\": {}, \"bb\": [], \"aa\": false}",
            "{\"k\":  -12345678901234567890123, \"n\": 9007199254740993, \"e\": 1e2}",
            "\"tab\\t nl\\n cr\\r ff\\f bs\\b ctl\\u0001\\u001f del\u007f quote\\\" backslash\\\\ slash/ \u00e9\u4e2d\ud83d\ude00\"",
            "{\"\\u00e9 key\": \"v\", \"\": 0}", "42", "-0", "true", "null", "[]", "[[], {}, [null]]", "1e400"};
        for (String doc : docs) {
            String literal = "'" + doc.replace("'", "''") + "'::jsonb";
            List<List<Object>> read = both(literal + " AS doc, (" + literal + ")::text AS server",
                row -> List.of(row.get("doc", String.class), row.get("server", String.class), row.get("doc")));
            for (List<Object> r : read) {
                assertThat(r.get(0)).as(doc).isEqualTo(r.get(1));
                assertThat(r.get(2)).as(doc).isEqualTo(r.get(1));
            }
        }
        assertThat(both("'{\"b\": 1, \"a\": 1e2}'::jsonb", row -> row.get(0, String.class)))
            .containsOnly("{\"a\": 100, \"b\": 1}");
        assertThat(both("ARRAY['{\"a\": [1]}'::jsonb, NULL, '\"s\"']", row -> Arrays.asList(row.get(0, String[].class))))
            .containsOnly(Arrays.asList("{\"a\": [1]}", null, "\"s\""));
    }

    @Test
    void jsonbWithAFractionOrExponentIsRefusedNamingTheColumn() {
        for (String doc : new String[] {"{\"a\": 1.50}", "[12345678901234567.891]", "1.0", "{\"x\": {\"y\": [1, 2.5e-3]}}"}) {
            Throwable e = failure("'" + doc + "'::jsonb AS profile", row -> row.get("profile", String.class));
            assertThat(e).as(doc).isInstanceOf(InexactValueException.class)
                .hasMessageContaining("'profile'").hasMessageContaining("profile::text");
            failure("'" + doc + "'::jsonb AS profile", row -> row.get(0));
        }
        assertThat(failure("ARRAY['{\"a\": 1.50}'::jsonb] AS docs", row -> row.get(0)))
            .isInstanceOf(InexactValueException.class).hasMessageContaining("'docs'");
        assertThat(both("'{\"a\": 1.50}'::jsonb::text", row -> row.get(0, String.class)))
            .as("cast to text, the exact text").containsOnly("{\"a\": 1.50}");
        assertThat(both("'{\"a\": 1.50}'::jsonb", row -> row.get(0, JsonObject.class).getValue("a")))
            .as("asked for Vert.x's JsonObject: Vert.x's parse, as asked").containsOnly(1.5);
    }

    @Test
    void jsonIsRefusedBecauseVertxDropsItsVerbatimText() {
        String doc = "{\"a\":1,  \"a\": 2, \"n\": 1.50}";
        Throwable e = failure("'" + doc + "'::json AS raw", row -> row.get("raw", String.class));
        assertThat(e).isInstanceOf(InexactValueException.class).hasMessageContaining("'raw'")
            .hasMessageContaining("raw::text").hasMessageContaining("type json");
        assertThat(failure("'{}'::json AS raw", row -> row.get(0))).isInstanceOf(InexactValueException.class);
        assertThat(both("'" + doc + "'::json::text", row -> row.get(0, String.class))).containsOnly(doc);
    }

    @Test
    void anIntervalWithMonthsIsRefusedAsADuration() {
        assertThat(failure("interval '1 mon' AS i", row -> row.get(0))).isInstanceOf(InexactValueException.class)
            .hasMessageContaining("'i'").hasMessageContaining("i::text");
        assertThat(failure("interval '-1 year 2 days' AS i", row -> row.get("i", Duration.class)))
            .isInstanceOf(InexactValueException.class);
        assertThat(failure("ARRAY[interval '1 day', interval '1 mon'] AS i", row -> row.get(0, Duration[].class)))
            .isInstanceOf(InexactValueException.class);
        assertThat(Flux.from(c.createStatement("SELECT interval '40 days' AS i WHERE $1 = 1").bind(0, 1).execute())
                .flatMap(r -> r.map((row, md) -> row.get(0))).onErrorResume(e -> Mono.just(e)).blockLast())
            .as("binary: Vert.x decodes 40 days as 1 month 10 days, so it is refused")
            .isInstanceOf(InexactValueException.class);
        assertThat(Flux.from(c.createStatement("SELECT interval '40 days 25:00:00'").execute())
                .flatMap(r -> r.map((row, md) -> row.get(0))).blockLast())
            .as("text: the fields as the server wrote them").isEqualTo(Duration.ofDays(41).plusHours(1));
        assertThat(both("interval '1 year 2 mons'::text", row -> row.get(0))).containsOnly("1 year 2 mons");
        assertThat(both("interval '3 days 04:05:06.000007'", row -> row.get(0)))
            .containsOnly(Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(7000));
        assertThat(both("interval '-1 day -00:00:00.000001'", row -> row.get(0, Duration.class)))
            .containsOnly(Duration.ofDays(-1).minusNanos(1000));
    }

    @Test
    void aBoundDurationOrIntervalKeepsItsDaysInsteadOfFoldingThemIntoMonths() {
        Duration d = Duration.ofDays(40).plusSeconds(3).plusNanos(5000);
        Interval i = new Interval(1, 2, 45, 1, 2, 3, 4);
        List<Object> row = Flux.from(c.createStatement("SELECT $1::text, $2::text, $3::text, $4::text, $5::text")
                .bind(0, d).bind(1, i).bind(2, new Duration[] {d, null}).bind(3, Duration.ofDays(-31)).bind(4, 1).execute())
            .flatMap(r -> r.map((rw, md) -> List.of(rw.get(0), rw.get(1), rw.get(2), rw.get(3)))).blockLast();
        assertThat(row).containsExactly("40 days 00:00:03.000005", "1 year 2 mons 45 days 01:02:03.000004",
            "{\"40 days 00:00:03.000005\",NULL}", "-31 days");
        Duration short_ = Duration.ofDays(28).plusHours(25).plusNanos(1000);
        assertThat(Flux.from(c.createStatement("SELECT $1 WHERE $2 = 1").bind(0, short_).bind(1, 1).execute())
            .flatMap(r -> r.map((rw, md) -> rw.get(0, Duration.class))).blockLast()).isEqualTo(short_);
    }

    /** Values Vert.x cannot decode fail the statement as a lost connection (Vert.x closes it), saying to cast. */
    @Test
    void valuesVertxCannotDecodeFailInsteadOfReadingChanged() {
        for (String sql : new String[] {"SELECT 'Infinity'::numeric", "SELECT '0001-01-01 BC'::date",
            "SELECT '24:00:00'::time WHERE $1 = 1"}) {
            VertxPostgresConnection own = Mono.from(factory.create()).block();
            try {
                var statement = own.createStatement(sql);
                if (sql.contains("$1")) {
                    statement.bind(0, 1);
                }
                Object read = Flux.from(statement.execute()).flatMap(r -> r.map((row, md) -> row.get(0)))
                    .map(v -> (Object) v).onErrorResume(e -> Mono.just(e)).blockLast(Duration.ofSeconds(10));
                assertThat(read).as(sql).isInstanceOf(io.r2dbc.spi.R2dbcNonTransientResourceException.class)
                    .asString().contains("cannot decode").contains("cast that column to text");
            } finally {
                Mono.from(own.close()).onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(10));
            }
        }
    }

    /** The types the driver already read exactly: kept exact (a live audit, not a change). */
    @Test
    void numericByteaAndTimesReadExactly() {
        assertThat(both("1.50::numeric", row -> row.get(0, BigDecimal.class))).allSatisfy(d -> {
            assertThat(d).isEqualTo(new BigDecimal("1.50"));
            assertThat(d.scale()).isEqualTo(2);
        });
        String huge = "-12345678901234567890123456789.000000000000000000000000000001";
        assertThat(both(huge + "::numeric", row -> row.get(0))).containsOnly(new BigDecimal(huge));
        assertThat(both("'-0.000'::numeric", row -> row.get(0, BigDecimal.class).toPlainString())).containsOnly("0.000");
        assertThat(both("'NaN'::numeric", row -> row.get(0))).containsOnly(Double.NaN);
        assertThat(failure("'NaN'::numeric AS n", row -> row.get(0, BigDecimal.class)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(both("ARRAY[1.50, 2.000]::numeric[]", row -> List.of(row.get(0, BigDecimal[].class))))
            .containsOnly(List.of(new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("2.000")}));
        assertThat(both("'\\x00ff7f'::bytea", row -> row.get(0))).containsOnly(ByteBuffer.wrap(new byte[] {0, -1, 127}));
        assertThat(both("'2026-01-02 03:04:05.123456+00'::timestamptz", row -> row.get(0, Instant.class)))
            .containsOnly(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(both("'2026-01-02 03:04:05.123456'::timestamp", row -> row.get(0)))
            .containsOnly(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000));
        assertThat(both("'03:04:05.123456'::time", row -> row.get(0))).containsOnly(LocalTime.of(3, 4, 5, 123_456_000));
        assertThat(both("'03:04:05.123456+05:30'::timetz", row -> row.get(0)))
            .containsOnly(OffsetTime.of(3, 4, 5, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(both("'infinity'::date", row -> row.get(0))).containsOnly(LocalDate.MAX);
        assertThat(both("'-infinity'::date", row -> row.get(0))).containsOnly(LocalDate.MIN);
    }
}
