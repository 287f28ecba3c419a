package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows read by cursor as they are asked for; a cancel closes the cursor and ends the statement's transaction. */
class VertxPostgresStreamingIT extends OneConnection {
    private Flux<Long> series(long n) {
        // in the select list, generate_series yields rows as they are fetched (in FROM it would compute them all first)
        return Flux.from(c.createStatement("SELECT generate_series(1, $1)").bind(0, n).execute())
            .flatMap(r -> r.map((row, md) -> row.get(0, Long.class)));
    }

    private long one(String sql) {
        return Flux.from(c.createStatement(sql).execute())
            .flatMap(r -> r.map((row, md) -> row.get(0, Long.class))).blockLast();
    }

    @Test
    void aCancelledStreamLeavesNoCursorNoTransactionAndNoStatementBehind() {
        for (int i = 0; i < 2_000; i++) {
            List<Long> first = series(1_000_000).take(3).collectList().block();
            assertThat(first).containsExactly(1L, 2L, 3L);
        }
        assertThat(c.isAutoCommit()).isTrue();
        assertThat(one("SELECT count(*) FROM pg_cursors")).isZero();
        assertThat(one("SELECT count(*) FROM pg_prepared_statements")).isLessThanOrEqualTo(
            VertxPostgresConfiguration.DEFAULT_STATEMENT_CACHE_SIZE);
        assertThat(one("SELECT CAST(txid_current_if_assigned() IS NULL AS INT)")).isEqualTo(1);
    }

    @Test
    void rowsArriveInFetchesOfTheDemandInsideAnExplicitTransaction() {
        Mono.from(c.beginTransaction()).block();
        List<Long> rows = series(10).limitRate(3).collectList().block();
        assertThat(rows).hasSize(10).startsWith(1L).endsWith(10L);
        assertThat(c.isAutoCommit()).isFalse();
        Mono.from(c.commitTransaction()).block();
    }

    @Test
    void aWriteWithReturningReadByCursorIsCommittedWithItsCount() {
        Flux.from(c.createStatement("CREATE TABLE ret (v INT)").execute()).flatMap(Result::getRowsUpdated).blockLast();
        List<Integer> back = Flux.from(c.createStatement("INSERT INTO ret SELECT g FROM generate_series(1, $1) g RETURNING v")
                .bind(0, 5).execute())
            .flatMap(r -> r.map((row, md) -> row.get(0, Integer.class))).take(2).collectList().block();
        assertThat(back).containsExactly(1, 2);
        assertThat(one("SELECT count(*) FROM ret")).isEqualTo(5);
        long updated = Flux.from(c.createStatement("UPDATE ret SET v = v + $1").bind(0, 1).execute())
            .flatMap(Result::getRowsUpdated).blockLast();
        assertThat(updated).isEqualTo(5);
    }
}
