package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTest {

    @TempDir
    Path dir;

    private SqliteConnectionFactory factory;
    private Connection a;
    private Connection b;

    @BeforeEach
    void open() {
        factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("tx.db").toString()).build());
        a = Sql.connect(factory);
        b = Sql.connect(factory);
        Sql.update(a, "CREATE TABLE t (x INTEGER)");
    }

    @AfterEach
    void close() {
        Sql.close(a);
        Sql.close(b);
    }

    private long countFromB() {
        return Sql.single(b, "SELECT count(*) FROM t", Long.class);
    }

    @Test
    void commitAndRollback() {
        assertThat(a.isAutoCommit()).isTrue();
        Mono.from(a.beginTransaction()).block();
        assertThat(a.isAutoCommit()).isFalse();
        Sql.update(a, "INSERT INTO t VALUES (1)");
        assertThat(countFromB()).isZero();
        Mono.from(a.commitTransaction()).block();
        assertThat(a.isAutoCommit()).isTrue();
        assertThat(countFromB()).isEqualTo(1);

        Mono.from(a.beginTransaction()).block();
        Sql.update(a, "INSERT INTO t VALUES (2)");
        Mono.from(a.rollbackTransaction()).block();
        assertThat(countFromB()).isEqualTo(1);
        // without a transaction, statements commit at once and commit/rollback are no-ops
        Sql.update(a, "INSERT INTO t VALUES (3)");
        Mono.from(a.rollbackTransaction()).block();
        assertThat(countFromB()).isEqualTo(2);
    }

    @Test
    void savepoints() {
        Mono.from(a.createSavepoint("s1")).block();
        assertThat(a.isAutoCommit()).isFalse();
        Sql.update(a, "INSERT INTO t VALUES (1)");
        Mono.from(a.createSavepoint("s 2")).block();
        Sql.update(a, "INSERT INTO t VALUES (2)");
        Mono.from(a.rollbackTransactionToSavepoint("s 2")).block();
        Mono.from(a.releaseSavepoint("s1")).block();
        assertThat(a.isAutoCommit()).isFalse();
        Mono.from(a.commitTransaction()).block();
        assertThat(Sql.query(b, "SELECT x FROM t", Integer.class)).containsExactly(1);
        assertThatThrownBy(() -> Mono.from(a.createSavepoint("")).block()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void autoCommitOffBeginsImplicitTransactions() {
        Mono.from(a.setAutoCommit(false)).block();
        assertThat(a.isAutoCommit()).isFalse();
        Sql.update(a, "INSERT INTO t VALUES (1)");
        assertThat(countFromB()).isZero();
        Mono.from(a.commitTransaction()).block();
        assertThat(countFromB()).isEqualTo(1);
        Sql.update(a, "INSERT INTO t VALUES (2)");
        assertThat(countFromB()).isEqualTo(1);
        Mono.from(a.setAutoCommit(true)).block();
        assertThat(countFromB()).isEqualTo(2);
        assertThat(a.isAutoCommit()).isTrue();
    }

    @Test
    void beginTakesTheWriteLockImmediatelyByDefault() {
        Connection impatient = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("tx.db").toString()).busyTimeout(Duration.ZERO).build()));
        Mono.from(a.beginTransaction()).block();
        assertThatThrownBy(() -> Sql.update(impatient, "INSERT INTO t VALUES (1)")).isInstanceOf(R2dbcTransientResourceException.class);
        assertThat(Sql.single(impatient, "SELECT count(*) FROM t", Long.class)).isZero(); // WAL readers go on
        Mono.from(a.rollbackTransaction()).block();
        Sql.update(impatient, "INSERT INTO t VALUES (1)");

        Option<Object> mode = Option.valueOf("transactionMode");
        Mono.from(a.beginTransaction(attributes(Map.of(mode, "DEFERRED")))).block();
        Sql.update(impatient, "INSERT INTO t VALUES (2)"); // a deferred transaction holds no lock yet
        Mono.from(a.commitTransaction()).block();
        Sql.close(impatient);
    }

    @Test
    void readOnlyTransactionDefinition() {
        Mono.from(a.beginTransaction(attributes(Map.of(TransactionDefinition.READ_ONLY, true)))).block();
        assertThat(Sql.single(a, "SELECT count(*) FROM t", Long.class)).isZero();
        assertThatThrownBy(() -> Sql.update(a, "INSERT INTO t VALUES (1)")).isInstanceOf(R2dbcPermissionDeniedException.class);
        Mono.from(a.commitTransaction()).block();
        Sql.update(a, "INSERT INTO t VALUES (1)");
        assertThat(countFromB()).isEqualTo(1);
    }

    @Test
    void isolationLevels() {
        assertThat(a.getTransactionIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        Mono.from(a.setTransactionIsolationLevel(IsolationLevel.READ_UNCOMMITTED)).block();
        assertThat(a.getTransactionIsolationLevel()).isEqualTo(IsolationLevel.READ_UNCOMMITTED);
        assertThat(Sql.single(a, "PRAGMA read_uncommitted", Integer.class)).isEqualTo(1);
        Mono.from(a.setTransactionIsolationLevel(IsolationLevel.READ_COMMITTED)).block();
        assertThat(Sql.single(a, "PRAGMA read_uncommitted", Integer.class)).isZero();

        Mono.from(a.beginTransaction(attributes(Map.of(TransactionDefinition.ISOLATION_LEVEL, IsolationLevel.READ_UNCOMMITTED)))).block();
        assertThat(a.getTransactionIsolationLevel()).isEqualTo(IsolationLevel.READ_UNCOMMITTED);
        Mono.from(a.commitTransaction()).block();
        assertThat(a.getTransactionIsolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
    }

    @Test
    void readUncommittedSeesUncommittedRowsInSharedCache() {
        SqliteConnectionFactory shared = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .sharedInMemory("txShared").build());
        Connection writer = Sql.connect(shared);
        Connection reader = Sql.connect(shared);
        Sql.update(writer, "CREATE TABLE s (x)");
        Mono.from(writer.beginTransaction()).block();
        Sql.update(writer, "INSERT INTO s VALUES (1)");
        assertThatThrownBy(() -> Sql.query(reader, "SELECT x FROM s", Integer.class))
            .isInstanceOf(R2dbcTransientResourceException.class); // SQLITE_LOCKED: table locked by the writer
        Mono.from(reader.setTransactionIsolationLevel(IsolationLevel.READ_UNCOMMITTED)).block();
        assertThat(Sql.query(reader, "SELECT x FROM s", Integer.class)).containsExactly(1);
        Mono.from(writer.rollbackTransaction()).block();
        Sql.close(reader);
        Sql.close(writer);
    }

    @Test
    void validateAndClose() {
        Connection c = Sql.connect(factory);
        assertThat(Mono.from(c.validate(ValidationDepth.REMOTE)).block()).isTrue();
        Mono.from(c.beginTransaction()).block();
        Sql.update(c, "INSERT INTO t VALUES (1)");
        Sql.close(c);
        Sql.close(c); // idempotent
        assertThat(Mono.from(c.validate(ValidationDepth.LOCAL)).block()).isFalse();
        assertThat(Mono.from(c.validate(ValidationDepth.REMOTE)).block()).isFalse();
        assertThatThrownBy(() -> Sql.update(c, "SELECT 1")).isInstanceOf(R2dbcNonTransientResourceException.class);
        assertThat(countFromB()).isZero(); // closing rolled the open transaction back
    }

    private static TransactionDefinition attributes(Map<Option<?>, Object> attributes) {
        return new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getAttribute(Option<T> option) {
                return (T) attributes.get(option);
            }
        };
    }
}
