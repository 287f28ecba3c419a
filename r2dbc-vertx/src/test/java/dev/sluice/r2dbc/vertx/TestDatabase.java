package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.ConnectionFactories;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local PostgreSQL (127.0.0.1:5432, user postgres, trust), in a database of this test JVM's own
 * ({@code r2dbc_vertx_<pid>_<random>}), created on first use over JDBC and dropped when the JVM exits. An
 * unreachable server fails the test (it is never skipped).
 */
final class TestDatabase {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String NAME = ("r2dbc_vertx_" + ProcessHandle.current().pid() + "_"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff))).toLowerCase(Locale.ROOT);
    static final String URL = "r2dbc:vertx-postgresql://postgres@" + HOST + ":" + PORT + "/" + NAME;

    private TestDatabase() {
    }

    /** A JDBC data source on this run's database, created the first time. */
    static PGSimpleDataSource dataSource() {
        Created.ONCE.hashCode();
        return source(NAME);
    }

    /** A new connection factory on this run's database. */
    static VertxPostgresConnectionFactory factory() {
        Created.ONCE.hashCode();
        return (VertxPostgresConnectionFactory) ConnectionFactories.get(URL);
    }

    /** A new connection factory on this run's database whose connections come from Vert.x's pool of {@code size}. */
    static VertxPostgresConnectionFactory pooledFactory(int size, String options) {
        Created.ONCE.hashCode();
        return (VertxPostgresConnectionFactory) ConnectionFactories.get(URL + "?poolSize=" + size + options);
    }

    private static PGSimpleDataSource source(String database) {
        PGSimpleDataSource s = new PGSimpleDataSource();
        s.setServerNames(new String[] {HOST});
        s.setPortNumbers(new int[] {PORT});
        s.setUser("postgres");
        s.setDatabaseName(database);
        return s;
    }

    private static final class Created {
        static final Object ONCE = create();

        private static Object create() {
            admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)", "CREATE DATABASE " + NAME);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
                } catch (RuntimeException ignored) {
                    // best effort at exit
                }
            }));
            return new Object();
        }

        private static void admin(String... sql) {
            try (Connection c = source("postgres").getConnection(); Statement s = c.createStatement()) {
                for (String q : sql) {
                    s.execute(q);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed for this test", e);
            }
        }
    }
}
