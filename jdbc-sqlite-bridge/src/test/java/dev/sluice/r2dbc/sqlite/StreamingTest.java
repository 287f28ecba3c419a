package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.sqlite.Function;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows are pulled from SQLite on demand. A SQL function {@code tick(x)} counts how many rows SQLite actually
 * produced (and on which threads), which lets the tests compare reads with demand.
 */
class StreamingTest {

    private static final String MILLION = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) "
        + "SELECT tick(x), 'some text' FROM c";

    private final AtomicLong rowsRead = new AtomicLong();
    private final Set<String> jdbcThreads = ConcurrentHashMap.newKeySet();
    private Scheduler scheduler;
    private Connection connection;

    @BeforeEach
    void open() {
        scheduler = Schedulers.newBoundedElastic(4, 1000, "sqlite-stream-test");
        connection = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .inMemory().scheduler(scheduler).build()));
        ((SqliteConnection) connection).run(() -> {
            Function.create(((SqliteConnection) connection).jdbc(), "tick", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    rowsRead.incrementAndGet();
                    jdbcThreads.add(Thread.currentThread().getName());
                    result(value_long(0));
                }
            });
            return null;
        }).block();
    }

    @AfterEach
    void close() {
        Sql.close(connection);
        scheduler.dispose();
    }

    @Test
    void streamsAMillionRowsWithBoundedReadAhead() {
        AtomicLong consumed = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        long count = Flux.from(connection.createStatement(MILLION).execute())
            .concatMap(result -> result.map((row, meta) -> row.get(0, Long.class) + row.get(1, String.class).length()))
            .limitRate(100)
            .doOnNext(value -> {
                long ahead = rowsRead.get() - consumed.incrementAndGet();
                maxAhead.accumulateAndGet(ahead, Math::max);
            })
            .count()
            .block(Duration.ofMinutes(2));
        assertThat(count).isEqualTo(1_000_000L);
        assertThat(rowsRead.get()).isEqualTo(1_000_000L);
        // never more rows read than requested (limitRate keeps at most 100 outstanding) plus one row look-ahead
        assertThat(maxAhead.get()).isLessThanOrEqualTo(101L);
        assertThat(jdbcThreads).isNotEmpty().allMatch(name -> name.startsWith("sqlite-stream-test"));
        assertThat(jdbcThreads).doesNotContain(Thread.currentThread().getName());
    }

    /** Small requests from another thread race with the read task finishing; none may be lost (it hung). */
    @Test
    void streamsToAConsumerRequestingFromAnotherThread() {
        Scheduler consumer = Schedulers.newParallel("sqlite-stream-consumer", 1);
        String rows = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT x FROM c";
        try {
            for (int round = 0; round < 2; round++) {
                long count = Flux.from(connection.createStatement(rows).execute())
                    .concatMap(result -> result.map((row, meta) -> row.get(0, Long.class)))
                    .publishOn(consumer, 8)
                    .count()
                    .block(Duration.ofMinutes(1));
                assertThat(count).isEqualTo(200_000L);
            }
        } finally {
            consumer.dispose();
        }
    }

    @Test
    void readsOnlyWhatIsRequested() throws InterruptedException {
        Result result = Flux.from(connection.createStatement(MILLION).execute()).blockLast();
        AtomicLong received = new AtomicLong();
        BaseSubscriber<Object> subscriber = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(5);
            }

            @Override
            protected void hookOnNext(Object value) {
                received.incrementAndGet();
            }
        };
        Flux.from(result.map((row, meta) -> row.get(0))).subscribe(subscriber);
        awaitReceived(received, 5);
        Thread.sleep(200);
        assertThat(received.get()).isEqualTo(5);
        assertThat(rowsRead.get()).isBetween(5L, 6L);

        subscriber.request(10);
        awaitReceived(received, 15);
        Thread.sleep(200);
        assertThat(rowsRead.get()).isBetween(15L, 16L);

        subscriber.cancel();
        assertThat(Sql.single(connection, "SELECT 41 + 1", Integer.class)).isEqualTo(42);
        assertThat(rowsRead.get()).isBetween(15L, 16L);
    }

    @Test
    void takeCancelsPromptlyAndClosesTheStatement() {
        Sql.update(connection, "CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) SELECT x FROM c");
        long start = System.nanoTime();
        assertThat(Flux.from(connection.createStatement(MILLION).execute())
            .concatMap(r -> r.map((row, meta) -> row.get(0, Long.class))).take(10).collectList().block()).hasSize(10);
        assertThat(Flux.from(connection.createStatement("SELECT x FROM big").execute())
            .concatMap(r -> r.map((row, meta) -> row.get(0, Long.class))).take(10).collectList().block()).hasSize(10);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(rowsRead.get()).isLessThanOrEqualTo(10L + 256L);
        // DROP TABLE fails with "database table is locked" while a statement still reads the table
        Sql.update(connection, "DROP TABLE big");
        assertThat(Sql.query(connection, "SELECT name FROM sqlite_master WHERE name = 'big'", String.class)).isEmpty();
    }

    private static void awaitReceived(AtomicLong received, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(received.get()).isEqualTo(expected);
    }
}
