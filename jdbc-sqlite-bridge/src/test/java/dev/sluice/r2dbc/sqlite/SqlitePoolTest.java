package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factory's own pool ({@code poolSize}): reuse, bounds, reset on give-back, and no blocking of event loops. */
class SqlitePoolTest {

    @TempDir
    Path dir;

    private final List<String> hops = new CopyOnWriteArrayList<>();
    private SqliteConnectionFactory factory;

    private SqliteConnectionFactory pooled(int size) {
        Scheduler counting = Schedulers.fromExecutor(r -> {
            hops.add(Thread.currentThread().getName());
            Schedulers.boundedElastic().schedule(r);
        });
        factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("pool.db").toString()).scheduler(counting).callerRuns(true).poolSize(size).build());
        return factory;
    }

    @AfterEach
    void closePool() {
        if (factory != null) {
            factory.close().block(Sql.TIMEOUT);
        }
    }

    private static Connection physical(Connection lease) {
        return (Connection) ((Wrapped<?>) lease).unwrap();
    }

    @Test
    void aGivenBackConnectionIsBorrowedAgainWithoutAHopOrANewConnection() {
        SqlitePool pool = poolOf(pooled(2));
        Connection first = Sql.connect(factory);
        assertThat(Sql.single(first, "SELECT 1 + 1", Integer.class)).isEqualTo(2);
        Sql.close(first);
        int hopsBefore = hops.size();

        Connection second = Sql.connect(factory);
        assertThat(physical(second)).isSameAs(physical(first));
        assertThat(Sql.single(second, "SELECT 40 + 2", Integer.class)).isEqualTo(42);
        Sql.close(second);
        assertThat(hops).as("borrow, query and give-back from a thread that may block: no hop").hasSize(hopsBefore);
        assertThat(pool.openCount()).isEqualTo(1);
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void noMoreThanThePoolSizeAreOpenAndAWaiterGetsTheNextOneGivenBack() {
        SqlitePool pool = poolOf(pooled(2));
        Connection a = Sql.connect(factory);
        Connection b = Sql.connect(factory);
        AtomicReference<Connection> third = new AtomicReference<>();
        Disposable waiting = Mono.from(factory.create()).subscribe(third::set);
        assertThat(third.get()).as("waits while both are borrowed").isNull();
        assertThat(pool.openCount()).isEqualTo(2);

        Sql.close(b);
        assertThat(third.get()).as("the connection given back goes to the waiter").isNotNull();
        assertThat(physical(third.get())).isSameAs(physical(b));
        assertThat(Sql.single(third.get(), "SELECT 3", Integer.class)).isEqualTo(3);
        Sql.close(third.get());
        Sql.close(a);
        waiting.dispose();
        assertThat(pool.openCount()).isEqualTo(2);
        assertThat(pool.idleCount()).isEqualTo(2);
    }

    @Test
    void aCancelledWaiterGivesUpItsPlace() {
        SqlitePool pool = poolOf(pooled(1));
        Connection a = Sql.connect(factory);
        AtomicReference<Connection> cancelled = new AtomicReference<>();
        Disposable waiting = Mono.from(factory.create()).subscribe(cancelled::set);
        waiting.dispose();
        Sql.close(a);
        assertThat(cancelled.get()).isNull();
        assertThat(pool.idleCount()).as("back in the pool, not handed to the cancelled waiter").isEqualTo(1);
        Connection b = Sql.connect(factory);
        assertThat(physical(b)).isSameAs(physical(a));
        Sql.close(b);
    }

    @Test
    void aTransactionLeftOpenIsRolledBackAndAnUnreadResultClosedBeforeTheNextBorrower() {
        pooled(1);
        Connection setup = Sql.connect(factory);
        Sql.update(setup, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
        Sql.update(setup, "INSERT INTO t VALUES (1), (2), (3)");
        Sql.close(setup);

        Connection careless = Sql.connect(factory);
        Mono.from(careless.beginTransaction()).block(Sql.TIMEOUT);
        Sql.update(careless, "INSERT INTO t VALUES (4)");
        Result unread = Mono.from(careless.createStatement("SELECT id FROM t").execute()).block(Sql.TIMEOUT);
        assertThat(unread).isNotNull();
        Sql.close(careless);

        Connection next = Sql.connect(factory);
        assertThat(physical(next)).isSameAs(physical(careless));
        assertThat(next.isAutoCommit()).isTrue();
        assertThat(((SqliteConnection) physical(next)).isReusableAsIs()).as("no cursor left open").isTrue();
        assertThat(Sql.query(next, "SELECT id FROM t ORDER BY id", Integer.class)).containsExactly(1, 2, 3);

        Mono.from(next.setAutoCommit(false)).block(Sql.TIMEOUT);
        Sql.update(next, "INSERT INTO t VALUES (5)"); // in an implicit transaction
        Sql.close(next);
        Connection after = Sql.connect(factory);
        assertThat(physical(after)).isSameAs(physical(careless));
        assertThat(after.isAutoCommit()).as("auto-commit turned back on").isTrue();
        assertThat(Sql.query(after, "SELECT id FROM t ORDER BY id", Integer.class)).containsExactly(1, 2, 3);
        Sql.close(after);
    }

    @Test
    void aGivenBackLeaseRefusesEveryCall() {
        pooled(1);
        Connection lease = Sql.connect(factory);
        Sql.close(lease);
        Sql.close(lease); // a second close does nothing
        assertThatThrownBy(() -> lease.createStatement("SELECT 1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Mono.from(lease.beginTransaction()).block(Sql.TIMEOUT))
            .isInstanceOf(R2dbcNonTransientResourceException.class);
        assertThat(Mono.from(lease.validate(io.r2dbc.spi.ValidationDepth.LOCAL)).block(Sql.TIMEOUT)).isFalse();
    }

    @Test
    void aPhysicallyClosedConnectionIsReplaced() {
        SqlitePool pool = poolOf(pooled(1));
        Connection lease = Sql.connect(factory);
        Mono.from(physical(lease).close()).block(Sql.TIMEOUT);
        Sql.close(lease);
        assertThat(pool.openCount()).isZero();
        Connection next = Sql.connect(factory);
        assertThat(physical(next)).isNotSameAs(physical(lease));
        assertThat(Sql.single(next, "SELECT 5", Integer.class)).isEqualTo(5);
        Sql.close(next);
    }

    @Test
    void fromAnEventLoopBorrowingAndQueryingNeverRunJdbcOnIt() {
        pooled(2);
        Sql.close(Sql.connect(factory)); // one idle connection
        AtomicReference<String> jdbcThread = new AtomicReference<>();
        String subscriber = Mono.defer(() -> Mono.from(factory.create())
                .flatMap(c -> ((SqliteConnection) physical(c)).run(() -> Thread.currentThread().getName())
                    .doOnNext(jdbcThread::set)
                    .then(Flux.from(c.createStatement("SELECT 7").execute())
                        .flatMap(r -> r.map(row -> row.get(0, Integer.class))).single())
                    .flatMap(seven -> Mono.from(c.close()).thenReturn(seven)))
                .map(seven -> seven == 7 ? Thread.currentThread().getName() : "wrong value"))
            .subscribeOn(Schedulers.parallel())
            .block(Sql.TIMEOUT);
        assertThat(jdbcThread.get()).as("JDBC work asked for on a parallel thread runs on the scheduler")
            .startsWith("boundedElastic");
        assertThat(subscriber).isNotEqualTo("wrong value");
        assertThat(hops).isNotEmpty();
    }

    @Test
    void closingTheFactoryClosesItsPool() {
        SqlitePool pool = poolOf(pooled(2));
        Connection idle = Sql.connect(factory);
        Connection borrowed = Sql.connect(factory);
        Sql.close(idle);
        factory.close().block(Sql.TIMEOUT);
        assertThat(((SqliteConnection) physical(idle)).isClosed()).as("an idle connection is closed").isTrue();
        assertThatThrownBy(() -> Sql.connect(factory)).isInstanceOf(R2dbcNonTransientResourceException.class)
            .hasMessageContaining("pool is closed");
        Sql.close(borrowed);
        assertThat(((SqliteConnection) physical(borrowed)).isClosed()).as("closed when given back").isTrue();
        assertThat(pool.openCount()).isZero();
        factory = null;
    }

    @Test
    void theUrlOptionPoolSizeMakesAPoolingFactory() {
        var viaUrl = ConnectionFactories.get("r2dbc:sqlite:///" + dir.resolve("url.db") + "?poolSize=3&callerRuns=true");
        assertThat(viaUrl).isInstanceOf(SqliteConnectionFactory.class);
        factory = (SqliteConnectionFactory) viaUrl;
        assertThat(factory.getConfiguration().getPoolSize()).isEqualTo(3);
        Connection a = Sql.connect(factory);
        assertThat(a).isInstanceOf(PooledSqliteConnection.class);
        Sql.close(a);
    }

    private static SqlitePool poolOf(SqliteConnectionFactory factory) {
        return factory.pool();
    }
}
