package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteConnectionFactoryProviderTest {

    @TempDir
    Path dir;

    @Test
    void discoversDriverAndDescribesItself() {
        ConnectionFactory factory = ConnectionFactories.get("r2dbc:sqlite:///:memory:");
        assertThat(factory).isInstanceOf(SqliteConnectionFactory.class);
        assertThat(factory.getMetadata().getName()).isEqualTo("SQLite");
        Connection connection = Sql.connect(factory);
        assertThat(connection.getMetadata().getDatabaseProductName()).isEqualTo("SQLite");
        assertThat(connection.getMetadata().getDatabaseVersion())
            .isEqualTo(Sql.single(connection, "SELECT sqlite_version()", String.class)).matches("3\\.\\d+\\.\\d+");
        Sql.close(connection);
    }

    @Test
    void absolutePathUsesFourSlashesAndDefaultsToWalWithForeignKeys() {
        Path file = dir.resolve("abs.db");
        ConnectionFactory factory = ConnectionFactories.get("r2dbc:sqlite:///" + file);
        assertThat(((SqliteConnectionFactory) factory).getConfiguration().getDatabase()).isEqualTo(file.toString());
        Connection connection = Sql.connect(factory);
        assertThat(Sql.single(connection, "PRAGMA journal_mode", String.class)).isEqualTo("wal");
        assertThat(Sql.single(connection, "PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
        assertThat(Sql.single(connection, "PRAGMA busy_timeout", Integer.class)).isEqualTo(5000);
        Sql.update(connection, "CREATE TABLE t (x)");
        Sql.close(connection);
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void relativePathAndOptionsFromUrl() {
        SqliteConnectionConfiguration config = SqliteConnectionFactoryProvider.toConfiguration(ConnectionFactoryOptions.parse(
            "r2dbc:sqlite:///./data/app.db?journalMode=delete&busyTimeout=1234&foreignKeys=false&readOnly=true&transactionMode=deferred&statementCacheSize=7"));
        assertThat(config.getDatabase()).isEqualTo("./data/app.db");
        assertThat(config.getStatementCacheSize()).isEqualTo(7);
        assertThat(config.getJournalMode()).isEqualTo("DELETE");
        assertThat(config.getBusyTimeout()).isEqualTo(Duration.ofMillis(1234));
        assertThat(config.isForeignKeys()).isFalse();
        assertThat(config.isReadOnly()).isTrue();
        assertThat(config.getTransactionMode()).isEqualTo(SqliteConnectionConfiguration.TransactionMode.DEFERRED);
        SqliteConnectionConfiguration defaults =
            SqliteConnectionFactoryProvider.toConfiguration(ConnectionFactoryOptions.parse("r2dbc:sqlite:///app.db"));
        assertThat(defaults.getDatabase()).isEqualTo("app.db");
        assertThat(defaults.getStatementCacheSize()).isEqualTo(SqliteConnectionConfiguration.DEFAULT_STATEMENT_CACHE_SIZE);
    }

    @Test
    void memoryUrls() {
        assertThat(configOf("r2dbc:sqlite:memory:///").getDatabase()).isEqualTo(":memory:");
        assertThat(configOf("r2dbc:sqlite:memory:///cache1").getDatabase()).isEqualTo("file:cache1?mode=memory&cache=shared");
        assertThat(configOf("r2dbc:sqlite:///file:x?mode=memory&cache=shared").getDatabase())
            .isEqualTo("file:x?mode=memory&cache=shared");
        assertThat(configOf("r2dbc:sqlite:memory:///cache1").getJournalMode()).isNull();
        assertThatThrownBy(() -> configOf("r2dbc:sqlite:tcp:///x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateMemoryIsPerConnectionSharedMemoryIsShared() {
        ConnectionFactory privateDb = ConnectionFactories.get("r2dbc:sqlite:///:memory:");
        Connection a = Sql.connect(privateDb);
        Connection b = Sql.connect(privateDb);
        Sql.update(a, "CREATE TABLE t (x)");
        assertThat(Sql.query(b, "SELECT name FROM sqlite_master WHERE name = 't'", String.class)).isEmpty();

        ConnectionFactory shared = ConnectionFactories.get("r2dbc:sqlite:memory:///providerTestShared");
        Connection c = Sql.connect(shared);
        Connection d = Sql.connect(shared);
        Sql.update(c, "CREATE TABLE t (x)");
        Sql.update(c, "INSERT INTO t VALUES (42)");
        assertThat(Sql.single(d, "SELECT x FROM t", Integer.class)).isEqualTo(42);
        Flux.just(a, b, c, d).flatMap(Connection::close).blockLast();
    }

    @Test
    void readOnlyConnectionsRejectWrites() {
        Path file = dir.resolve("ro.db");
        Connection writer = Sql.connect(ConnectionFactories.get("r2dbc:sqlite:///" + file));
        Sql.update(writer, "CREATE TABLE t (x)");
        Sql.close(writer);

        Connection reader = Sql.connect(ConnectionFactories.get("r2dbc:sqlite:///" + file + "?readOnly=true"));
        assertThat(Sql.query(reader, "SELECT x FROM t", Integer.class)).isEmpty();
        assertThatThrownBy(() -> Sql.update(reader, "INSERT INTO t VALUES (1)"))
            .isInstanceOf(R2dbcPermissionDeniedException.class);
        Sql.close(reader);
    }

    @Test
    void missingDatabaseIsRejected() {
        assertThatThrownBy(() -> ConnectionFactories.get(ConnectionFactoryOptions.builder()
            .option(ConnectionFactoryOptions.DRIVER, "sqlite").build()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(Mono.from(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(dir.resolve("missing/dir/x.db").toString()).build()).create())
            .onErrorResume(e -> Mono.empty()).blockOptional(Sql.TIMEOUT)).isEmpty();
    }

    private static SqliteConnectionConfiguration configOf(String url) {
        return SqliteConnectionFactoryProvider.toConfiguration(ConnectionFactoryOptions.parse(url));
    }
}
