package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver on the local PostgreSQL: values as r2dbc-postgresql reads them, errors, transactions, batches, cancel. */
class VertxPostgresDriverIT extends OneConnection {
    @BeforeAll
    void createTable() {
        run("CREATE TABLE kinds (id INT PRIMARY KEY, n NUMERIC(20, 4), b BYTEA, j JSONB, i INTERVAL,"
            + " t TIMESTAMPTZ, lt TIMESTAMP, u UUID, a INT[], big BIGINT, s TEXT UNIQUE)");
    }

    private long run(String sql) {
        return Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block();
    }

    @Test
    void bindsAndReadsValuesAsR2dbcPostgresqlDoes() {
        UUID uuid = UUID.randomUUID();
        Instant at = Instant.parse("2026-01-02T03:04:05.123456Z");
        long inserted = Flux.from(c.createStatement("INSERT INTO kinds (id, n, b, j, i, t, lt, u, a, big, s)"
                + " VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11)")
                .bind(0, 1).bind(1, new BigDecimal("1234567890123456.1234")).bind(2, new byte[] {0, 1, (byte) 255})
                .bind(3, "{\"k\": [1, 2]}").bind(4, Duration.ofDays(20).plusSeconds(3).plusNanos(5000))
                .bind(5, at).bind(6, LocalDateTime.of(2026, 1, 2, 3, 4, 5)).bind(7, uuid)
                .bind(8, new Integer[] {1, null, 3}).bind(9, Long.MAX_VALUE).bind(10, "one").execute())
            .flatMap(Result::getRowsUpdated).blockLast();
        assertThat(inserted).isEqualTo(1);

        List<Object> row = Flux.from(c.createStatement("SELECT n, b, j, i, t, lt, u, a, big, s FROM kinds WHERE id = $1")
                .bind("$1", 1).execute())
            .flatMap(r -> r.map((rw, md) -> List.of(rw.get(0, BigDecimal.class), rw.get(1, byte[].class),
                rw.get(2, String.class), rw.get(3, Duration.class), rw.get(4, Instant.class),
                rw.get(5, LocalDateTime.class), rw.get(6, UUID.class), rw.get(7, Integer[].class),
                rw.get(8, Long.class), rw.get("S", String.class), rw.get(1), rw.get(0), rw.get(4, OffsetDateTime.class))))
            .blockLast();
        assertThat(row.get(0)).isEqualTo(new BigDecimal("1234567890123456.1234"));
        assertThat((byte[]) row.get(1)).containsExactly(0, 1, 255);
        // jsonb without fractional numbers: the server's own text
        assertThat(row.get(2)).isEqualTo("{\"k\": [1, 2]}");
        assertThat(row.get(3)).isEqualTo(Duration.ofDays(20).plusSeconds(3).plusNanos(5000));
        assertThat(row.get(4)).isEqualTo(at);
        assertThat(row.get(5)).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(row.get(6)).isEqualTo(uuid);
        assertThat((Integer[]) row.get(7)).containsExactly(1, null, 3);
        assertThat(row.get(8)).isEqualTo(Long.MAX_VALUE);
        assertThat(row.get(9)).isEqualTo("one");
        assertThat(row.get(10)).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, (byte) 255}));
        assertThat(row.get(11)).isEqualTo(new BigDecimal("1234567890123456.1234"));
        assertThat(((OffsetDateTime) row.get(12)).toInstant()).isEqualTo(at);
        assertThat(((OffsetDateTime) row.get(12)).getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void refusesANumberThatDoesNotFitTheClassAskedFor() {
        assertThatThrownBy(() -> Flux.from(c.createStatement("SELECT CAST($1 AS BIGINT)").bind(0, 1L << 40).execute())
                .flatMap(r -> r.map((rw, md) -> rw.get(0, Integer.class))).blockLast())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1099511627776");
    }

    @Test
    void aLongBoundIntoAnIntColumnOutOfRangeIsRefusedByTheServer() {
        assertThatThrownBy(() -> Flux.from(c.createStatement("INSERT INTO kinds (id) VALUES ($1)")
                .bind(0, 1L << 40).execute()).flatMap(Result::getRowsUpdated).blockLast())
            .isInstanceOfSatisfying(R2dbcDataIntegrityViolationException.class,
                e -> assertThat(e.getSqlState()).isEqualTo("22003"));
    }

    @Test
    void serverErrorsAreTypedWithSqlStateAndDetails() {
        run("INSERT INTO kinds (id, s) VALUES (100, 'dup')");
        assertThatThrownBy(() -> run("INSERT INTO kinds (id, s) VALUES (101, 'dup')"))
            .isInstanceOfSatisfying(R2dbcDataIntegrityViolationException.class, e -> {
                assertThat(e.getSqlState()).isEqualTo("23505");
                assertThat(((PostgresErrorDetails) e).constraint()).isEqualTo("kinds_s_key");
                assertThat(((PostgresErrorDetails) e).table()).isEqualTo("kinds");
                assertThat(e.getSql()).contains("INSERT INTO kinds");
            });
        assertThatThrownBy(() -> run("SELEC 1"))
            .isInstanceOfSatisfying(R2dbcBadGrammarException.class, e -> {
                assertThat(e.getSqlState()).isEqualTo("42601");
                assertThat(e.getOffendingSql()).isEqualTo("SELEC 1");
            });
    }

    @Test
    void transactionsSavepointsAndIsolation() {
        run("CREATE TABLE tx (v INT)");
        Mono.from(c.beginTransaction()).block();
        assertThat(c.isAutoCommit()).isFalse();
        run("INSERT INTO tx VALUES (1)");
        Mono.from(c.createSavepoint("s 1")).block();
        run("INSERT INTO tx VALUES (2)");
        Mono.from(c.rollbackTransactionToSavepoint("s 1")).block();
        Mono.from(c.commitTransaction()).block();
        assertThat(c.isAutoCommit()).isTrue();
        Mono.from(c.beginTransaction()).block();
        run("INSERT INTO tx VALUES (3)");
        Mono.from(c.rollbackTransaction()).block();
        assertThat(sum("SELECT COALESCE(SUM(v), 0) FROM tx")).isEqualTo(1);

        Mono.from(c.setTransactionIsolationLevel(IsolationLevel.SERIALIZABLE)).block();
        Mono.from(c.beginTransaction()).block();
        assertThat(Flux.from(c.createStatement("SHOW transaction_isolation").execute())
            .flatMap(r -> r.map((rw, md) -> rw.get(0, String.class))).blockLast()).isEqualTo("serializable");
        Mono.from(c.rollbackTransaction()).block();
        assertThat(c.getTransactionIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        Mono.from(c.setTransactionIsolationLevel(IsolationLevel.READ_COMMITTED)).block();
    }

    private long sum(String sql) {
        return Flux.from(c.createStatement(sql).execute())
            .flatMap(r -> r.map((rw, md) -> rw.get(0, Long.class))).blockLast();
    }

    @Test
    void addedBindingsRunAsOneBatchWithACountEach() {
        run("CREATE TABLE batch (v INT)");
        List<Long> counts = Flux.from(c.createStatement("INSERT INTO batch VALUES ($1)")
                .bind(0, 1).add().bind(0, 2).add().bind(0, 3).execute())
            .concatMap(Result::getRowsUpdated).collectList().block();
        assertThat(counts).containsExactly(1L, 1L, 1L);
        assertThat(sum("SELECT SUM(v) FROM batch")).isEqualTo(6);
    }

    @Test
    void statementTimeoutFailsWithQueryCancelled() {
        Connection other = Mono.from(factory.create()).block();
        try {
            Mono.from(other.setStatementTimeout(Duration.ofMillis(50))).block();
            assertThatThrownBy(() -> Flux.from(other.createStatement("SELECT pg_sleep(5)").execute())
                    .flatMap(Result::getRowsUpdated).blockLast())
                .isInstanceOfSatisfying(R2dbcTimeoutException.class, e -> assertThat(e.getSqlState()).isEqualTo("57014"));
        } finally {
            Mono.from(other.close()).block();
        }
    }

    @Test
    void cancelRequestStopsARunningStatement() throws InterruptedException {
        VertxPostgresConnection other = Mono.from(factory.create()).block();
        try {
            long pid = Flux.from(other.createStatement("SELECT pg_backend_pid()").execute())
                .flatMap(r -> r.map((rw, md) -> rw.get(0, Long.class))).blockLast();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            Flux.from(other.createStatement("SELECT pg_sleep(30)").execute()).flatMap(Result::getRowsUpdated)
                .subscribe(v -> { }, e -> { failure.set(e); done.countDown(); }, done::countDown);
            // wait until the server runs it, then cancel
            while (sum("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid + " AND query LIKE 'SELECT pg_sleep(30)%'"
                + " AND state = 'active'") == 0) {
                Thread.onSpinWait();
            }
            other.cancelRequest().block();
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).isInstanceOfSatisfying(R2dbcTimeoutException.class,
                e -> assertThat(e.getSqlState()).isEqualTo("57014"));
        } finally {
            Mono.from(other.close()).block();
        }
    }

    @Test
    void arraysOfEveryTypeBindNullElementsIncluded() {
        Object[] arrays = {new Integer[] {1, null}, new Short[] {1}, new Long[] {1L}, new BigDecimal[] {new BigDecimal("1.5"), null},
            new Float[] {1.5f}, new Double[] {2.5, null}, new Boolean[] {true}, new String[] {"a", null},
            new java.time.LocalDate[] {java.time.LocalDate.of(2020, 1, 2)}, new LocalDateTime[] {LocalDateTime.of(2020, 1, 2, 3, 4)},
            new OffsetDateTime[] {OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)}, new UUID[] {UUID.randomUUID()}};
        for (Object a : arrays) {
            Long n = Flux.from(c.createStatement("SELECT CAST(cardinality($1) AS BIGINT)").bind(0, a).execute())
                .flatMap(r -> r.map((rw, md) -> rw.get(0, Long.class))).blockLast(Duration.ofSeconds(10));
            assertThat(n).as(a.getClass().getSimpleName()).isEqualTo(java.lang.reflect.Array.getLength(a));
        }
    }
}
