package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fetchSize(Integer.MAX_VALUE)}: every row in one fetch, so the statement runs once, without cursor and,
 * outside a transaction, without {@code BEGIN}/{@code COMMIT}. What the driver sends is read off the wire by a
 * proxy between it and the server ({@link FrontendMessages}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VertxPostgresSingleExecutionIT {
    private static final String LOOKUP = "SELECT id, n, b, j, i, t, lt, u, a, big, s FROM single_kinds WHERE id = $1";

    private FrontendMessages wire;
    private VertxPostgresConnectionFactory factory;
    private VertxPostgresConnection c;

    @BeforeAll
    void open() throws Exception {
        TestDatabase.dataSource();
        wire = new FrontendMessages();
        factory = new VertxPostgresConnectionFactory(VertxPostgresConfiguration.builder()
            .host(TestDatabase.HOST).port(wire.port()).user("postgres").database(TestDatabase.NAME).build());
        c = Mono.from(factory.create()).block();
        run("DROP TABLE IF EXISTS single_kinds");  // a rerun of the class starts afresh
        run("CREATE TABLE single_kinds (id INT PRIMARY KEY, n NUMERIC(20, 4), b BYTEA, j JSONB, i INTERVAL,"
            + " t TIMESTAMPTZ, lt TIMESTAMP, u UUID, a INT[], big BIGINT, s TEXT)");
        for (int id = 1; id <= 20; id++) {
            Flux.from(c.createStatement("INSERT INTO single_kinds VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11)")
                    .bind(0, id).bind(1, new BigDecimal("1234567890123456.1234").add(BigDecimal.valueOf(id)))
                    .bind(2, new byte[] {0, (byte) id, (byte) 255}).bind(3, "{\"k\": [" + id + ", 2]}")
                    .bind(4, Duration.ofDays(20).plusSeconds(id).plusNanos(5000))
                    .bind(5, Instant.parse("2026-01-02T03:04:05.123456Z").plusSeconds(id))
                    .bind(6, LocalDateTime.of(2026, 1, 2, 3, 4, id)).bind(7, new UUID(id, id))
                    .bind(8, new Integer[] {id, null, 3}).bind(9, Long.MAX_VALUE - id).bind(10, "row " + id).execute())
                .flatMap(Result::getRowsUpdated).blockLast();
        }
    }

    @AfterAll
    void close() throws Exception {
        Mono.from(c.close()).block();
        factory.close().block();
        wire.close();
    }

    @BeforeEach
    void outsideATransaction() {
        assertThat(c.isAutoCommit()).isTrue();
    }

    private long run(String sql) {
        return Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block();
    }

    private static List<Object> values(Statement s) {
        return Flux.from(s.execute())
            .concatMap(r -> r.map((row, md) -> {
                List<Object> v = new ArrayList<>();
                for (int i = 0; i < md.getColumnMetadatas().size(); i++) {
                    Object o = row.get(i);
                    v.add(o instanceof Object[] array ? Arrays.asList(array) : o);
                }
                v.add(row.get("t", OffsetDateTime.class));
                v.add(row.get("b", byte[].class) == null ? null : ByteBuffer.wrap(row.get("b", byte[].class)));
                return v;
            }))
            .collectList().block().stream().map(x -> (Object) x).toList();
    }

    @Test
    void aLookupAskingForEveryRowAtOnceSendsOneExecuteAndNoTransaction() {
        // prepared once, its result read to its end (a result may be handed out before its statement has ended)
        values(c.createStatement(LOOKUP).bind(0, 1).fetchSize(Integer.MAX_VALUE));
        wire.clear();
        for (int id = 1; id <= 10; id++) {
            List<Object> rows = values(c.createStatement(LOOKUP).bind(0, id).fetchSize(Integer.MAX_VALUE));
            assertThat(rows).hasSize(1);
            assertThat(((List<?>) rows.get(0)).get(0)).isEqualTo(id);
            assertThat(((List<?>) rows.get(0)).get(10)).isEqualTo("row " + id);
        }
        assertThat(wire.queries()).as("no BEGIN, COMMIT or other simple query").isEmpty();
        assertThat(wire.count('E')).as("one Execute per lookup").isEqualTo(10);
        assertThat(wire.count('P')).as("no Parse: the prepared statement is cached").isZero();
        assertThat(wire.count('S')).as("one Sync per lookup").isEqualTo(10);
        assertThat(c.isAutoCommit()).isTrue();
    }

    @Test
    void theDefaultStillReadsByCursorInATransactionOfItsOwn() {
        values(c.createStatement(LOOKUP).bind(0, 1));
        wire.clear();
        assertThat(values(c.createStatement(LOOKUP).bind(0, 2))).hasSize(1);
        assertThat(wire.queries()).containsExactly("BEGIN", "COMMIT");
    }

    @Test
    void aStreamFetchesItsFetchSizeWhateverTheSubscribersSmallPrefetch() {
        Flux.from(c.createStatement("SELECT g FROM generate_series(1, $1) g").bind(0, 1).execute())
            .flatMap(r -> r.map((row, md) -> row.get(0))).blockLast(); // prepared once
        wire.clear();
        // a subscriber asking for 32 rows at a time (as a Reactor prefetch does), then 24 more each time
        long sum = Flux.from(c.createStatement("SELECT g FROM generate_series(1, $1) g").bind(0, 2_500).fetchSize(1_000)
                .execute())
            .flatMap(r -> Flux.from(r.map((row, md) -> row.get(0, Long.class))).limitRate(32), 1)
            .reduce(0L, Long::sum).block();
        assertThat(sum).isEqualTo(2_500L * 2_501 / 2);
        assertThat(wire.queries()).containsExactly("BEGIN", "COMMIT");
        assertThat(wire.count('E')).as("fetches of 1000, 1000 and 500 rows, not one per 24 rows").isEqualTo(3);
        assertThat(c.isAutoCommit()).isTrue();
    }

    @Test
    void everyValueReadsTheSameInOneExecutionAsByCursor() {
        for (int id : new int[] {1, 7, 20}) {
            List<Object> byCursor = values(c.createStatement(LOOKUP).bind(0, id));
            List<Object> once = values(c.createStatement(LOOKUP).bind(0, id).fetchSize(Integer.MAX_VALUE));
            assertThat(once).hasSize(1).isEqualTo(byCursor);
        }
        List<Object> all = values(c.createStatement("SELECT * FROM single_kinds ORDER BY id").fetchSize(Integer.MAX_VALUE));
        assertThat(all).hasSize(20).isEqualTo(values(c.createStatement("SELECT * FROM single_kinds ORDER BY id").fetchSize(5)));
        List<?> first = (List<?>) all.get(0);
        assertThat(first.get(1)).isEqualTo(new BigDecimal("1234567890123457.1234"));
        assertThat(first.get(3)).isEqualTo("{\"k\": [1, 2]}");
        assertThat(first.get(4)).isEqualTo(Duration.ofDays(20).plusSeconds(1).plusNanos(5000));
        assertThat(first.get(7)).isEqualTo(new UUID(1, 1));
        assertThat(first.get(8)).isEqualTo(Arrays.asList(1, null, 3));
        assertThat(first.get(9)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(((OffsetDateTime) first.get(11)).toInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:06.123456Z"));
        assertThat(first.get(12)).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, (byte) 255}));
    }

    @Test
    void withoutParametersItGoesOverTheExtendedProtocolNotTheSimpleOne() {
        wire.clear();
        long n = Flux.from(c.createStatement("SELECT count(*) FROM single_kinds").fetchSize(Integer.MAX_VALUE).execute())
            .flatMap(r -> r.map((row, md) -> row.get(0, Long.class))).blockLast();
        assertThat(n).isEqualTo(20);
        assertThat(wire.queries()).isEmpty();
        assertThat(wire.count('E')).isEqualTo(1);
    }

    @Test
    void insideATransactionItRunsInThatTransaction() {
        Mono.from(c.beginTransaction()).block();
        try {
            run("INSERT INTO single_kinds (id, s) VALUES (100, 'uncommitted')");
            wire.clear();
            List<Object> rows = values(c.createStatement(LOOKUP).bind(0, 100).fetchSize(Integer.MAX_VALUE));
            assertThat(((List<?>) rows.get(0)).get(10)).isEqualTo("uncommitted");
            assertThat(wire.queries()).isEmpty();
            assertThat(c.isAutoCommit()).isFalse();
        } finally {
            Mono.from(c.rollbackTransaction()).block();
        }
        assertThat(values(c.createStatement(LOOKUP).bind(0, 100).fetchSize(Integer.MAX_VALUE))).isEmpty();
    }

    @Test
    void anErrorIsTypedAndLeavesNoTransactionOpen() {
        wire.clear();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> values(
                c.createStatement("SELECT 1 / (id - $1) FROM single_kinds WHERE id = $1").bind(0, 3).fetchSize(Integer.MAX_VALUE)))
            .isInstanceOfSatisfying(io.r2dbc.spi.R2dbcDataIntegrityViolationException.class,
                e -> assertThat(e.getSqlState()).isEqualTo("22012"));
        assertThat(wire.queries()).isEmpty();
        assertThat(c.isAutoCommit()).isTrue();
        assertThat(values(c.createStatement(LOOKUP).bind(0, 3).fetchSize(Integer.MAX_VALUE))).hasSize(1);
    }
}
