package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement read whole ({@code fetchSize(Integer.MAX_VALUE)}) that ran before has its rows mapped as Vert.x decodes
 * them ({@link DecodedResult}), under the columns of its last run, and checked against the columns its result ends
 * with.
 */
class VertxPostgresDecodedRowsIT extends OneConnection {
    private static final String SERIES = "SELECT g, 'row ' || g FROM generate_series(1, $1) g";

    /** Whether the caller runs inside Vert.x's decoding of a row (its collector), not after the result ended. */
    private static boolean whileDecoding() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
            f -> f.getClassName().equals("io.vertx.sqlclient.impl.RowDecoder") && f.getMethodName().equals("handleRow")));
    }

    private static <T> List<T> all(VertxPostgresConnection on, String sql, int bind, BiFunction<Row, RowMetadata, T> f) {
        return Flux.from(on.createStatement(sql).bind(0, bind).fetchSize(Integer.MAX_VALUE).execute())
            .concatMap(r -> r.map(f)).collectList().block();
    }

    @Test
    void aStatementThatRanBeforeHasItsRowsMappedAsTheyAreDecodedAndReadAsBefore() {
        AtomicInteger decoding = new AtomicInteger();
        BiFunction<Row, RowMetadata, String> f = (row, md) -> {
            if (whileDecoding()) {
                decoding.incrementAndGet();
            }
            return row.get(0, Integer.class) + ":" + row.get(1, String.class);
        };
        String sql = SERIES + " -- first run here";  // a statement no other test ran
        List<String> first = all(c, sql, 5_000, f);
        assertThat(decoding.get()).as("the first run maps once the result ended").isZero();
        List<String> again = all(c, sql, 5_000, f);
        assertThat(decoding.get()).as("every row of the second run mapped while decoded").isEqualTo(5_000);
        assertThat(again).isEqualTo(first).hasSize(5_000).startsWith("1:row 1").endsWith("5000:row 5000");
        Long updated = Flux.from(c.createStatement(SERIES).bind(0, 7).fetchSize(Integer.MAX_VALUE).execute())
            .flatMap(Result::getRowsUpdated).blockLast();
        assertThat(updated).isEqualTo(7L);
    }

    @Test
    void aMappingGivenAfterTheResultEndedMapsEveryRow() {
        all(c, SERIES, 3, (row, md) -> row.get(0));
        Result r = Mono.from(c.createStatement(SERIES).bind(0, 300).fetchSize(Integer.MAX_VALUE).execute()).block();
        // Vert.x runs one connection's statements in order: once this one answered, the first has ended
        assertThat(all(c, "SELECT $1::int", 1, (row, md) -> row.get(0, Integer.class))).containsExactly(1);
        List<Integer> values = Flux.from(r.map((row, md) -> row.get(0, Integer.class))).collectList().block();
        assertThat(values).hasSize(300).startsWith(1, 2, 3).endsWith(300);
    }

    @Test
    void aMappingThatFailsEndsTheRowsWithItsErrorAfterTheValuesBefore() {
        all(c, SERIES, 3, (row, md) -> row.get(0));
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> Flux.from(c.createStatement(SERIES).bind(0, 10).fetchSize(Integer.MAX_VALUE).execute())
                .concatMap(r -> r.map((row, md) -> {
                    int g = row.get(0, Integer.class);
                    if (g == 4) {
                        throw new IllegalStateException("no row 4");
                    }
                    return g;
                }))
                .doOnNext(seen::add).blockLast())
            .isInstanceOf(IllegalStateException.class).hasMessage("no row 4");
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(all(c, SERIES, 4, (row, md) -> row.get(0, Integer.class))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theRowsGoOutAsTheyAreAskedForAndACancelLeavesTheConnectionReady() {
        all(c, SERIES, 3, (row, md) -> row.get(0));
        Flux<Integer> rows = Flux.from(c.createStatement(SERIES).bind(0, 1_000).fetchSize(Integer.MAX_VALUE).execute())
            .concatMap(r -> r.map((row, md) -> row.get(0, Integer.class)));
        reactor.test.StepVerifier.create(rows, 0)
            .expectSubscription()
            .expectNoEvent(java.time.Duration.ofMillis(200))  // nothing asked for: nothing given
            .thenRequest(2)
            .expectNext(1, 2)
            .expectNoEvent(java.time.Duration.ofMillis(200))  // two asked for: two given, no more
            .thenRequest(3)
            .expectNext(3, 4, 5)
            .thenCancel()
            .verify(java.time.Duration.ofSeconds(10));
        assertThat(all(c, SERIES, 4, (row, md) -> row.get(0, Integer.class))).containsExactly(1, 2, 3, 4);
        assertThat(c.isAutoCommit()).isTrue();
    }

    @Test
    void aValueAskedForAsWhatItCannotBeIsATypedErrorNamingTheColumn() {
        String sql = SERIES + " -- asked for as a number";
        all(c, sql, 2, (row, md) -> row.get(1, String.class));
        assertThatThrownBy(() -> all(c, sql, 2, (row, md) -> row.get(1, Integer.class)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("?column?").hasMessageContaining("TEXT").hasMessageContaining("java.lang.Integer");
        assertThat(all(c, sql, 2, (row, md) -> row.get(1, String.class))).containsExactly("row 1", "row 2");
    }

    @Test
    void outsideATransactionAnErrorComesWithTheRowsInsideOneFromExecuteItself() {
        String sql = "SELECT 10 / (g - $1) FROM generate_series(1, 3) g";
        assertThat(all(c, sql, 0, (row, md) -> row.get(0, Integer.class))).containsExactly(10, 5, 3);
        Result r = Mono.from(c.createStatement(sql).bind(0, 2).fetchSize(Integer.MAX_VALUE).execute()).block();
        assertThatThrownBy(() -> Flux.from(r.map((row, md) -> row.get(0))).blockLast())
            .isInstanceOfSatisfying(io.r2dbc.spi.R2dbcDataIntegrityViolationException.class,
                e -> assertThat(e.getSqlState()).isEqualTo("22012"));
        Mono.from(c.beginTransaction()).block();
        try {
            // a statement that failed there must stop what follows it, its result read or not
            assertThatThrownBy(() -> Mono.from(c.createStatement(sql).bind(0, 2).fetchSize(Integer.MAX_VALUE).execute())
                    .block())
                .isInstanceOfSatisfying(io.r2dbc.spi.R2dbcDataIntegrityViolationException.class,
                    e -> assertThat(e.getSqlState()).isEqualTo("22012"));
        } finally {
            Mono.from(c.rollbackTransaction()).block();
        }
        assertThat(c.isAutoCommit()).isTrue();
    }

    @Test
    void aColumnWhoseTypeChangedSinceTheLastRunIsReadUnderItsNewType() {
        // without Vert.x's statement cache every run prepares again, so a run may bring other columns than the last
        VertxPostgresConnectionFactory uncached = new VertxPostgresConnectionFactory(VertxPostgresConfiguration.builder()
            .host(TestDatabase.HOST).port(TestDatabase.PORT).user("postgres").database(TestDatabase.NAME)
            .statementCacheSize(0).build());
        VertxPostgresConnection u = Mono.from(uncached.create()).block();
        try {
            run(u, "CREATE TABLE decoded_kinds (id INT PRIMARY KEY, v TEXT)");
            run(u, "INSERT INTO decoded_kinds VALUES (1, '\"abc\"'), (2, '[1, 2]')");
            String sql = "SELECT v FROM decoded_kinds WHERE id >= $1 ORDER BY id";
            assertThat(all(u, sql, 1, (row, md) -> row.get(0, String.class))).containsExactly("\"abc\"", "[1, 2]");
            run(u, "ALTER TABLE decoded_kinds ALTER COLUMN v TYPE JSONB USING v::jsonb");
            // read as text, Vert.x's parse of the JSON string would be abc: the JSON text is what a jsonb reads as
            assertThat(all(u, sql, 1, (row, md) -> row.get(0, String.class))).containsExactly("\"abc\"", "[1, 2]");
            assertThat(all(u, sql, 1, (row, md) -> md.getColumnMetadata(0).getType().getName()))
                .containsExactly("jsonb", "jsonb");
        } finally {
            run(u, "DROP TABLE IF EXISTS decoded_kinds");
            Mono.from(u.close()).block();
            uncached.close().block();
        }
    }

    private static void run(VertxPostgresConnection on, String sql) {
        Flux.from(on.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast();
    }
}
