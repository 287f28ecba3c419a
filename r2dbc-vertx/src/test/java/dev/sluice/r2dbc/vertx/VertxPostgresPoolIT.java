package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections borrowed from Vert.x's own pool ({@code ?poolSize=n}): given back on close, reused, reset. */
class VertxPostgresPoolIT {

    private static Object one(Connection c, String sql) {
        return Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.map((row, md) -> row.get(0))).blockLast();
    }

    private static long update(Connection c, String sql) {
        return Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block();
    }

    @Test
    void closedConnectionsGoBackToThePoolAndAreReused() {
        VertxPostgresConnectionFactory f = TestDatabase.pooledFactory(2, "");
        try {
            Set<Object> backends = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                Connection c = Mono.from(f.create()).block();
                backends.add(one(c, "SELECT pg_backend_pid()"));
                Mono.from(c.close()).block();
            }
            assertThat(backends).as("server processes behind 40 borrows from a pool of 2").hasSizeBetween(1, 2);
            // two held at once are two connections; a third borrow waits for one of them
            Connection a = Mono.from(f.create()).block();
            Connection b = Mono.from(f.create()).block();
            assertThat(one(a, "SELECT pg_backend_pid()")).isNotEqualTo(one(b, "SELECT pg_backend_pid()"));
            Mono<Connection> third = Mono.from(f.create());
            assertThat(third.timeout(java.time.Duration.ofMillis(300)).onErrorResume(e -> Mono.empty()).block())
                .as("no third connection while two are borrowed").isNull();
            Mono.from(a.close()).block();
            Connection c = third.block(java.time.Duration.ofSeconds(10));
            assertThat(c).isNotNull();
            Mono.from(c.close()).block();
            Mono.from(b.close()).block();
        } finally {
            f.close().block();
        }
    }

    @Test
    void aConnectionClosedInATransactionIsRolledBackBeforeItIsBorrowedAgain() {
        VertxPostgresConnectionFactory f = TestDatabase.pooledFactory(1, "");
        try {
            Connection c = Mono.from(f.create()).block();
            update(c, "CREATE TABLE IF NOT EXISTS pooled_rows (v INT)");
            Mono.from(c.beginTransaction()).block();
            update(c, "INSERT INTO pooled_rows VALUES (1)");
            Mono.from(c.close()).block();
            Connection again = Mono.from(f.create()).block();
            assertThat(again.isAutoCommit()).isTrue();
            assertThat(one(again, "SELECT count(*) FROM pooled_rows")).isEqualTo(0L);
            assertThat(one(again, "SELECT CAST(txid_current_if_assigned() IS NULL AS INT)")).isEqualTo(1);
            Mono.from(again.close()).block();
        } finally {
            f.close().block();
        }
    }

    @Test
    void timeoutsAreSetWhenAPooledConnectionIsOpened() {
        VertxPostgresConnectionFactory f = TestDatabase.pooledFactory(1, "&statementTimeout=PT2.5S&lockWaitTimeout=PT0.25S");
        try {
            for (int i = 0; i < 2; i++) {
                Connection c = Mono.from(f.create()).block();
                assertThat(List.of(one(c, "SHOW statement_timeout"), one(c, "SHOW lock_timeout")))
                    .containsExactly("2500ms", "250ms");
                Mono.from(c.close()).block();
            }
        } finally {
            f.close().block();
        }
    }

    @Test
    void aStreamOnABorrowedConnectionLeavesNoCursorNorStatementBehind() {
        VertxPostgresConnectionFactory f = TestDatabase.pooledFactory(1, "");
        try {
            for (int i = 0; i < 20; i++) {
                Connection c = Mono.from(f.create()).block();
                List<Long> first = Flux.from(c.createStatement("SELECT generate_series(1, $1)").bind(0, 100_000).execute())
                    .flatMap(r -> r.map((row, md) -> row.get(0, Long.class))).take(3).collectList().block();
                assertThat(first).containsExactly(1L, 2L, 3L);
                Mono.from(c.close()).block();
            }
            Connection c = Mono.from(f.create()).block();
            assertThat(one(c, "SELECT count(*) FROM pg_cursors")).isEqualTo(0L);
            assertThat((Long) one(c, "SELECT count(*) FROM pg_prepared_statements")).isLessThanOrEqualTo(
                (long) VertxPostgresConfiguration.DEFAULT_STATEMENT_CACHE_SIZE);
            assertThat(c.isAutoCommit()).isTrue();
            Mono.from(c.close()).block();
        } finally {
            f.close().block();
        }
    }
}
