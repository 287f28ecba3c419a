package dev.sluice.r2dbc.sqlite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache on its own, over a plain JDBC connection. */
class StatementCacheTest {

    private java.sql.Connection jdbc;
    private final SchemaVersion schema = new SchemaVersion();

    @BeforeEach
    void open() throws SQLException {
        jdbc = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        jdbc.close();
    }

    @Test
    void reusesAReleasedStatementForTheSameSql() throws SQLException {
        StatementCache cache = new StatementCache(4, schema);
        CachedStatement first = cache.acquire(jdbc, "SELECT 1", true);
        cache.release(first);
        assertThat(cache.size()).isEqualTo(1);
        CachedStatement second = cache.acquire(jdbc, "SELECT 1", true);
        assertThat(second).isSameAs(first);
        assertThat(cache.size()).isZero();
        assertThat(second.statement().isClosed()).isFalse();
    }

    @Test
    void aStatementInUseIsNotHandedOutTwice() throws SQLException {
        StatementCache cache = new StatementCache(4, schema);
        CachedStatement first = cache.acquire(jdbc, "SELECT 1", true);
        CachedStatement second = cache.acquire(jdbc, "SELECT 1", true);
        assertThat(second).isNotSameAs(first);
        cache.release(first);
        cache.release(second);
        // one idle statement per SQL text: the other one is closed
        assertThat(cache.size()).isEqualTo(1);
        assertThat(first.statement().isClosed()).isTrue();
        assertThat(second.statement().isClosed()).isFalse();
    }

    @Test
    void evictsTheLeastRecentlyUsedAndClosesIt() throws SQLException {
        StatementCache cache = new StatementCache(2, schema);
        CachedStatement a = cache.acquire(jdbc, "SELECT 'a'", true);
        CachedStatement b = cache.acquire(jdbc, "SELECT 'b'", true);
        CachedStatement c = cache.acquire(jdbc, "SELECT 'c'", true);
        cache.release(a);
        cache.release(b);
        cache.release(cache.acquire(jdbc, "SELECT 'a'", true)); // a is now the most recently used
        cache.release(c);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(b.statement().isClosed()).isTrue();
        assertThat(a.statement().isClosed()).isFalse();
        assertThat(c.statement().isClosed()).isFalse();
        assertThat(cache.acquire(jdbc, "SELECT 'a'", true)).isSameAs(a);
    }

    @Test
    void closesEverythingOnCloseAndWhatIsReleasedAfterwards() throws SQLException {
        StatementCache cache = new StatementCache(4, schema);
        CachedStatement idle = cache.acquire(jdbc, "SELECT 1", true);
        CachedStatement busy = cache.acquire(jdbc, "SELECT 2", true);
        cache.release(idle);
        cache.close();
        assertThat(idle.statement().isClosed()).isTrue();
        cache.release(busy);
        assertThat(busy.statement().isClosed()).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void dropsStatementsPreparedBeforeASchemaChange() throws SQLException {
        StatementCache cache = new StatementCache(4, schema);
        CachedStatement idle = cache.acquire(jdbc, "SELECT 1", true);
        CachedStatement busy = cache.acquire(jdbc, "SELECT 2", true);
        cache.release(idle);
        schema.changed();
        cache.release(busy);
        assertThat(busy.statement().isClosed()).isTrue();
        CachedStatement fresh = cache.acquire(jdbc, "SELECT 1", true);
        assertThat(fresh).isNotSameAs(idle);
        assertThat(idle.statement().isClosed()).isTrue();
        cache.release(fresh);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void neverKeepsUncacheableStatementsNorAnythingWithCapacityZero() throws SQLException {
        StatementCache cache = new StatementCache(4, schema);
        CachedStatement pragma = cache.acquire(jdbc, "PRAGMA user_version", false);
        cache.release(pragma);
        assertThat(pragma.statement().isClosed()).isTrue();

        StatementCache none = new StatementCache(0, schema);
        CachedStatement select = none.acquire(jdbc, "SELECT 1", true);
        none.release(select);
        assertThat(select.statement().isClosed()).isTrue();
        assertThat(none.size()).isZero();
    }

    @Test
    void doesNotKeepVeryLongStatements() throws SQLException {
        StatementCache cache = new StatementCache(4, schema);
        CachedStatement bulk = cache.acquire(jdbc, "SELECT 1" + " ".repeat(StatementCache.MAX_SQL_LENGTH), true);
        cache.release(bulk);
        assertThat(bulk.statement().isClosed()).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void discardClosesTheStatement() throws SQLException {
        StatementCache cache = new StatementCache(4, schema);
        CachedStatement failed = cache.acquire(jdbc, "SELECT 1", true);
        cache.discard(failed);
        assertThat(failed.statement().isClosed()).isTrue();
        assertThat(cache.size()).isZero();
    }
}
