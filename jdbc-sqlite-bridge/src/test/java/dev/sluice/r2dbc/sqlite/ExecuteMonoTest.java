package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** An execution is queued when requested, skipped when cancelled before it ran, and its result kept otherwise. */
class ExecuteMonoTest {

    @TempDir
    Path dir;

    private SqliteConnection connection;

    @BeforeEach
    void open() {
        SqliteConnectionFactory factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("exec.db").toString()).build());
        connection = (SqliteConnection) Sql.connect(factory);
        Sql.update(connection, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
    }

    @AfterEach
    void close() {
        Sql.close(connection);
    }

    @Test
    void anExecutionCancelledBeforeItRanIsNotRun() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Disposable busy = connection.run(() -> {
            running.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }).subscribe();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Object> seen = new AtomicReference<>();
        Disposable insert = Flux.from(connection.createStatement("INSERT INTO t VALUES (1)").execute())
            .subscribe(seen::set, seen::set);
        insert.dispose(); // while the queue is still busy: the INSERT has not run
        release.countDown();

        assertThat(Sql.single(connection, "SELECT count(*) FROM t", Long.class)).as("the INSERT was skipped").isZero();
        assertThat(seen.get()).as("no signal after the cancel").isNull();
        busy.dispose();
    }

    @Test
    void anExecutionRunsOnlyOnceRequestedAndGivesItsResult() {
        Mono<SqliteResult> execution = Mono.from(connection.createStatement("INSERT INTO t VALUES (2)").execute());
        assertThat(Sql.single(connection, "SELECT count(*) FROM t", Long.class)).as("not run when assembled").isZero();
        Long updated = execution.flatMap(r -> Mono.from(r.getRowsUpdated())).block(Sql.TIMEOUT);
        assertThat(updated).isEqualTo(1L);
        assertThat(Sql.query(connection, "SELECT id FROM t", Integer.class)).containsExactly(2);
    }

    @Test
    void anExecutionOnAClosedConnectionFailsWithTheClosedError() {
        SqliteConnectionFactory factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("exec.db").toString()).build());
        SqliteConnection other = (SqliteConnection) Sql.connect(factory);
        var statement = other.createStatement("SELECT 1");
        Sql.close(other);
        Flux<Result> results = Flux.from(statement.execute());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> results.blockLast(Sql.TIMEOUT))
            .isInstanceOf(io.r2dbc.spi.R2dbcNonTransientResourceException.class)
            .hasMessageContaining("Connection is closed");
    }
}
