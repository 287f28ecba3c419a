package dev.sluice.r2dbc.sqlite;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver behind r2dbc-pool, with more concurrent writing transactions than pooled connections. */
class PooledConcurrentWritersTest {

    @TempDir
    Path dir;

    @Test
    void eightConcurrentWritingTransactionsOnFourPooledConnectionsAllSucceed() {
        ConnectionFactory factory = ConnectionFactories.get(
            "r2dbc:pool:sqlite:///" + dir.resolve("pool.db") + "?maxSize=4&initialSize=4");
        assertThat(factory).isInstanceOf(ConnectionPool.class);
        ConnectionPool pool = (ConnectionPool) factory;
        try {
            Mono.usingWhen(pool.create(), c -> Flux.from(c.createBatch()
                    .add("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
                    .add("INSERT INTO counter VALUES (1, 0)")
                    .add("CREATE TABLE log (worker INTEGER, i INTEGER)")
                    .execute()).flatMap(Result::getRowsUpdated).then(), Connection::close)
                .block(Sql.TIMEOUT);

            List<Integer> done = Flux.range(0, 8)
                .flatMap(worker -> Mono.usingWhen(pool.create(), c -> transaction(c, worker), Connection::close), 8)
                .collectList()
                .block(Duration.ofSeconds(60));

            assertThat(done).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
            Connection check = Sql.connect(pool);
            // read-modify-write in each transaction: no lost update
            assertThat(Sql.single(check, "SELECT n FROM counter", Integer.class)).isEqualTo(8);
            assertThat(Sql.single(check, "SELECT count(*) FROM log", Long.class)).isEqualTo(8 * 50L);
            Sql.close(check);
        } finally {
            pool.dispose();
        }
    }

    private static Mono<Integer> transaction(Connection c, int worker) {
        return Mono.from(c.beginTransaction())
            .then(Mono.from(c.createStatement("SELECT n FROM counter WHERE id = 1").execute())
                .flatMap(r -> Mono.from(r.map((row, meta) -> row.get(0, Integer.class)))))
            .delayElement(Duration.ofMillis(20)) // hold the transaction open so that the others must wait
            .flatMap(n -> Flux.from(c.createStatement("UPDATE counter SET n = $1 WHERE id = 1").bind(0, n + 1).execute())
                .flatMap(Result::getRowsUpdated).then())
            .then(Flux.range(0, 50).reduce(c.createStatement("INSERT INTO log VALUES ($1, $2)"),
                    (statement, i) -> (i == 0 ? statement : statement.add()).bind(0, worker).bind(1, i))
                .flatMapMany(statement -> statement.execute())
                .flatMap(Result::getRowsUpdated)
                .then())
            .then(Mono.from(c.commitTransaction()))
            .thenReturn(worker);
    }
}
