package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.RowMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prepared statements kept per connection: reused, released early, and never stale after a schema change. */
class StatementReuseTest {

    @TempDir
    Path directory;

    private SqliteConnectionFactory factory;
    private SqliteConnection connection;

    @BeforeEach
    void open() {
        factory = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(directory.resolve("reuse.db").toString()).build());
        connection = (SqliteConnection) Sql.connect(factory);
        Sql.update(connection, "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        Sql.update(connection, "INSERT INTO item (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    }

    @AfterEach
    void close() {
        Sql.close(connection);
    }

    private static int idle(SqliteConnection c) {
        return c.run(() -> c.statements().size()).block(Sql.TIMEOUT);
    }

    private static List<String> columns(Connection c, String sql) {
        return Flux.from(c.createStatement(sql).execute())
            .concatMap(r -> r.map((row, meta) -> names(meta)))
            .blockFirst(Sql.TIMEOUT);
    }

    private static List<String> names(RowMetadata meta) {
        return meta.getColumnMetadatas().stream().map(m -> m.getName()).toList();
    }

    @Test
    void reusesTheStatementOfAQuery() {
        int before = idle(connection);
        for (int i = 1; i <= 3; i++) {
            assertThat(Sql.single(connection, "SELECT name FROM item WHERE id = ?", String.class, i))
                .isEqualTo(List.of("one", "two", "three").get(i - 1));
        }
        assertThat(idle(connection)).isEqualTo(before + 1);
    }

    @Test
    void aResultOfOneRowIsCompleteBeforeItIsConsumed() {
        Result result = Mono.from(connection.createStatement("SELECT name FROM item WHERE id = 2").execute())
            .block(Sql.TIMEOUT);
        // the statement is already back in the cache and no cursor is open
        assertThat(connection.run(() -> connection.statements().size()).block()).isPositive();
        assertThat(Flux.from(result.map(row -> row.get(0, String.class))).collectList().block(Sql.TIMEOUT))
            .containsExactly("two");
    }

    @Test
    void runningTheSameSqlWhileItsResultIsOpenUsesAnotherStatement() {
        String sql = "SELECT id FROM item WHERE id >= ? ORDER BY id";
        List<String> pairs = Flux.from(connection.createStatement(sql).bind(0, 1).execute())
            .concatMap(r -> r.map(row -> row.get(0, Integer.class)))
            .concatMap(outer -> Flux.from(connection.createStatement(sql).bind(0, outer).execute())
                .concatMap(r -> r.map(row -> outer + ":" + row.get(0, Integer.class))))
            .collectList().block(Sql.TIMEOUT);
        assertThat(pairs).containsExactly("1:1", "1:2", "1:3", "2:2", "2:3", "3:3");
        assertThat(Sql.query(connection, sql, Integer.class, 2)).containsExactly(2, 3);
    }

    @Test
    void cancellingAStreamClosesItsResultSetAndKeepsTheStatement() {
        String sql = "SELECT id FROM item ORDER BY id";
        assertThat(Flux.from(connection.createStatement(sql).execute())
            .concatMap(r -> r.map(row -> row.get(0, Integer.class))).take(2).collectList().block(Sql.TIMEOUT))
            .containsExactly(1, 2);
        // the read has ended (a write from another connection would otherwise see it), and the statement is reusable
        assertThat(connection.run(() -> connection.statements().size()).block()).isPositive();
        assertThat(Sql.query(connection, sql, Integer.class)).containsExactly(1, 2, 3);
        Connection other = Sql.connect(factory);
        try {
            Sql.update(other, "DELETE FROM item WHERE id = 3");
        } finally {
            Sql.close(other);
        }
        assertThat(Sql.query(connection, sql, Integer.class)).containsExactly(1, 2);
    }

    @Test
    void aFailedStatementIsNotKept() {
        String insert = "INSERT INTO item (id, name) VALUES (?, ?)";
        Sql.update(connection, insert, 10, "ten");
        assertThatThrownBy(() -> Sql.update(connection, insert, 10, "again"))
            .isInstanceOf(R2dbcDataIntegrityViolationException.class);
        assertThat(Sql.update(connection, insert, 11, "eleven")).isEqualTo(1);
        assertThat(Sql.query(connection, "SELECT name FROM item WHERE id >= 10 ORDER BY id", String.class))
            .containsExactly("ten", "eleven");
    }

    @Test
    void seesColumnsAddedThroughThisOrAnotherConnectionOfTheFactory() {
        String sql = "SELECT * FROM item WHERE id = 1";
        assertThat(columns(connection, sql)).containsExactly("id", "name");
        Sql.update(connection, "ALTER TABLE item ADD COLUMN price INTEGER");
        assertThat(columns(connection, sql)).containsExactly("id", "name", "price");

        Connection other = Sql.connect(factory);
        try {
            assertThat(columns(other, sql)).containsExactly("id", "name", "price");
            Sql.update(other, "ALTER TABLE item RENAME COLUMN price TO cost");
            assertThat(columns(other, sql)).containsExactly("id", "name", "cost");
        } finally {
            Sql.close(other);
        }
        assertThat(columns(connection, sql)).containsExactly("id", "name", "cost");
    }

    @Test
    void seesADeclaredTypeChangedThroughTheFactory() {
        String sql = "SELECT * FROM item WHERE id = 1";
        assertThat(types(connection, sql)).containsExactly("INTEGER", "TEXT");
        Sql.update(connection, "DROP TABLE item");
        Sql.update(connection, "CREATE TABLE item (id INTEGER PRIMARY KEY, name BLOB)");
        Sql.update(connection, "INSERT INTO item VALUES (1, x'00')");
        assertThat(types(connection, sql)).containsExactly("INTEGER", "BLOB");
    }

    private static List<String> types(Connection c, String sql) {
        return Flux.from(c.createStatement(sql).execute())
            .concatMap(r -> r.map((row, meta) -> meta.getColumnMetadatas().stream()
                .map(m -> (String) m.getNativeTypeMetadata()).toList()))
            .blockFirst(Sql.TIMEOUT);
    }

    @Test
    void seesColumnsChangedOutsideTheFactoryByTheirNames() throws SQLException {
        String sql = "SELECT * FROM item WHERE id = 1";
        assertThat(columns(connection, sql)).containsExactly("id", "name");
        try (java.sql.Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("reuse.db"));
             java.sql.Statement statement = jdbc.createStatement()) {
            statement.execute("ALTER TABLE item ADD COLUMN price INTEGER");
        }
        assertThat(columns(connection, sql)).containsExactly("id", "name", "price");
    }

    @Test
    void aSchemaChangeRolledBackIsUndoneInTheMetadataToo() {
        String sql = "SELECT * FROM item WHERE id = 1";
        connection.beginTransaction().block(Sql.TIMEOUT);
        Sql.update(connection, "ALTER TABLE item ADD COLUMN price INTEGER");
        assertThat(columns(connection, sql)).containsExactly("id", "name", "price");
        connection.rollbackTransaction().block(Sql.TIMEOUT);
        assertThat(columns(connection, sql)).containsExactly("id", "name");

        Sql.update(connection, "BEGIN");
        Sql.update(connection, "ALTER TABLE item ADD COLUMN price INTEGER");
        assertThat(columns(connection, sql)).containsExactly("id", "name", "price");
        Sql.update(connection, "ROLLBACK");
        assertThat(columns(connection, sql)).containsExactly("id", "name");
    }

    @Test
    void anotherConnectionSeesASchemaChangeOnceItIsCommitted() {
        String sql = "SELECT * FROM item WHERE id = 1";
        Connection other = Sql.connect(factory);
        try {
            connection.beginTransaction().block(Sql.TIMEOUT);
            Sql.update(connection, "ALTER TABLE item ADD COLUMN price INTEGER");
            // prepared and kept by the other connection while the change is not yet visible to it
            assertThat(columns(other, sql)).containsExactly("id", "name");
            connection.commitTransaction().block(Sql.TIMEOUT);
            assertThat(columns(other, sql)).containsExactly("id", "name", "price");
        } finally {
            Sql.close(other);
        }
    }

    @Test
    void closingTheConnectionClosesItsStatements() {
        Sql.single(connection, "SELECT name FROM item WHERE id = ?", String.class, 1);
        Result open = Mono.from(connection.createStatement("SELECT id FROM item").execute()).block(Sql.TIMEOUT);
        StatementCache statements = connection.statements();
        assertThat(idle(connection)).isPositive();
        Sql.close(connection);
        assertThat(statements.size()).isZero();
        assertThat(Flux.from(open.map(row -> row.get(0, Integer.class))).collectList()
            .onErrorResume(e -> Mono.just(List.of(-1))).block(Sql.TIMEOUT)).containsExactly(-1);
    }

    @Test
    void worksWithoutACache() {
        SqliteConnectionFactory uncached = new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(directory.resolve("reuse.db").toString()).statementCacheSize(0).build());
        SqliteConnection c = (SqliteConnection) Sql.connect(uncached);
        try {
            assertThat(Sql.query(c, "SELECT id FROM item ORDER BY id", Integer.class)).containsExactly(1, 2, 3);
            assertThat(Sql.single(c, "SELECT name FROM item WHERE id = ?", String.class, 1)).isEqualTo("one");
            assertThat(idle(c)).isZero();
        } finally {
            Sql.close(c);
        }
        assertThatThrownBy(() -> SqliteConnectionConfiguration.builder().statementCacheSize(-1))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
