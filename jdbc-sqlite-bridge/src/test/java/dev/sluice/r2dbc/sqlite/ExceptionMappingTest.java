package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExceptionMappingTest {

    @TempDir
    Path dir;

    @Test
    void constraintViolationsKeepTheirExtendedCode() {
        Connection c = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder().inMemory().build()));
        Sql.update(c, "CREATE TABLE parent (id INTEGER PRIMARY KEY)");
        Sql.update(c, "CREATE TABLE child (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT NOT NULL, "
            + "age INTEGER CHECK (age >= 0), parent INTEGER REFERENCES parent (id))");
        Sql.update(c, "INSERT INTO child (id, code, name) VALUES (1, 'a', 'x')");

        assertViolation(c, "INSERT INTO child (code, name) VALUES ('a', 'y')", "SQLITE_CONSTRAINT_UNIQUE", 2067);
        assertViolation(c, "INSERT INTO child (id, name) VALUES (1, 'y')", "SQLITE_CONSTRAINT_PRIMARYKEY", 1555);
        assertViolation(c, "INSERT INTO child (code) VALUES ('b')", "SQLITE_CONSTRAINT_NOTNULL", 1299);
        assertViolation(c, "INSERT INTO child (name, age) VALUES ('y', -1)", "SQLITE_CONSTRAINT_CHECK", 275);
        assertViolation(c, "INSERT INTO child (name, parent) VALUES ('y', 99)", "SQLITE_CONSTRAINT_FOREIGNKEY", 787);

        R2dbcBadGrammarException syntax = failure(c, "SELEC 1", R2dbcBadGrammarException.class);
        assertThat(syntax.getSqlState()).isEqualTo("SQLITE_ERROR");
        assertThat(syntax.getErrorCode()).isEqualTo(1);
        failure(c, "SELECT * FROM missing", R2dbcBadGrammarException.class);
        failure(c, "SELECT missing FROM child", R2dbcBadGrammarException.class);
        Sql.close(c);
    }

    @Test
    void busyAndReadOnly() {
        String file = dir.resolve("busy.db").toString();
        Connection holder = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder().database(file).build()));
        Sql.update(holder, "CREATE TABLE t (x)");
        Mono.from(holder.beginTransaction()).block();
        Sql.update(holder, "INSERT INTO t VALUES (1)");

        Connection impatient = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(file).busyTimeout(Duration.ZERO).build()));
        R2dbcTransientResourceException busy = failure(impatient, "INSERT INTO t VALUES (2)", R2dbcTransientResourceException.class);
        assertThat(busy.getSqlState()).startsWith("SQLITE_BUSY");
        Sql.close(impatient);
        Mono.from(holder.rollbackTransaction()).block();
        Sql.close(holder);

        Connection readOnly = Sql.connect(new SqliteConnectionFactory(SqliteConnectionConfiguration.builder()
            .database(file).readOnly(true).build()));
        R2dbcPermissionDeniedException denied = failure(readOnly, "DELETE FROM t", R2dbcPermissionDeniedException.class);
        assertThat(denied.getSqlState()).startsWith("SQLITE_READONLY");
        Sql.close(readOnly);
    }

    private static void assertViolation(Connection c, String sql, String state, int code) {
        R2dbcDataIntegrityViolationException e = failure(c, sql, R2dbcDataIntegrityViolationException.class);
        assertThat(e.getSqlState()).isEqualTo(state);
        assertThat(e.getErrorCode()).isEqualTo(code);
    }

    private static <E extends R2dbcException> E failure(Connection c, String sql, Class<E> type) {
        E e = catchThrowableOfType(type, () -> Sql.update(c, sql));
        assertThat(e).as(sql).isNotNull();
        return e;
    }
}
