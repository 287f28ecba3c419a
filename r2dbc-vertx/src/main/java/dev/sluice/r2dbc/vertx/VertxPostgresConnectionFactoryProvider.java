package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;
import io.r2dbc.spi.Option;

import java.time.Duration;

/**
 * R2DBC {@link ConnectionFactoryProvider} for PostgreSQL over Vert.x, driver name {@value #DRIVER}:
 * {@code r2dbc:vertx-postgresql://user:password@host:port/database?fetchSize=512&statementTimeout=PT5S}.
 *
 * <p>Standard options: {@code HOST}, {@code PORT} (default 5432), {@code USER}, {@code PASSWORD},
 * {@code DATABASE}, {@code CONNECT_TIMEOUT}, {@code STATEMENT_TIMEOUT}, {@code LOCK_WAIT_TIMEOUT}. Its own:
 * {@link #FETCH_SIZE}, {@link #STATEMENT_CACHE_SIZE}, {@link #POOL_SIZE}, {@link #APPLICATION_NAME}. A duration is a
 * {@link Duration}, an ISO-8601 text or a number of milliseconds.
 */
public final class VertxPostgresConnectionFactoryProvider implements ConnectionFactoryProvider {

    /** The driver name: {@value}. */
    public static final String DRIVER = "vertx-postgresql";

    /** Rows per cursor fetch when the demand is unbounded. */
    public static final Option<Integer> FETCH_SIZE = Option.valueOf("fetchSize");

    /** Prepared statements kept per connection. */
    public static final Option<Integer> STATEMENT_CACHE_SIZE = Option.valueOf("statementCacheSize");

    /** Connections pooled by Vert.x's own pool, at most this many (0, the default: none). */
    public static final Option<Integer> POOL_SIZE = Option.valueOf("poolSize");

    /** The {@code application_name} reported to the server. */
    public static final Option<String> APPLICATION_NAME = Option.valueOf("applicationName");

    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public VertxPostgresConnectionFactoryProvider() {
    }

    @Override
    public VertxPostgresConnectionFactory create(ConnectionFactoryOptions options) {
        VertxPostgresConfiguration.Builder b = VertxPostgresConfiguration.builder();
        Object host = options.getValue(ConnectionFactoryOptions.HOST);
        if (host != null) {
            b.host(host.toString());
        }
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        if (port != null) {
            b.port(integer(port, "port"));
        }
        Object user = options.getValue(ConnectionFactoryOptions.USER);
        if (user == null) {
            throw new IllegalArgumentException("A " + DRIVER + " URL needs a user: r2dbc:" + DRIVER + "://USER@host/db");
        }
        b.user(user.toString());
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            b.password((CharSequence) password);
        }
        Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
        if (database != null) {
            b.database(database.toString());
        }
        Object v = options.getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT);
        if (v != null) {
            b.connectTimeout(duration(v, "connectTimeout"));
        }
        v = options.getValue(ConnectionFactoryOptions.STATEMENT_TIMEOUT);
        if (v != null) {
            b.statementTimeout(duration(v, "statementTimeout"));
        }
        v = options.getValue(ConnectionFactoryOptions.LOCK_WAIT_TIMEOUT);
        if (v != null) {
            b.lockWaitTimeout(duration(v, "lockWaitTimeout"));
        }
        v = options.getValue(FETCH_SIZE);
        if (v != null) {
            b.fetchSize(integer(v, "fetchSize"));
        }
        v = options.getValue(STATEMENT_CACHE_SIZE);
        if (v != null) {
            b.statementCacheSize(integer(v, "statementCacheSize"));
        }
        v = options.getValue(POOL_SIZE);
        if (v != null) {
            b.poolSize(integer(v, "poolSize"));
        }
        v = options.getValue(APPLICATION_NAME);
        if (v != null) {
            b.applicationName(v.toString());
        }
        return new VertxPostgresConnectionFactory(b.build());
    }

    @Override
    public boolean supports(ConnectionFactoryOptions options) {
        return DRIVER.equals(options.getValue(ConnectionFactoryOptions.DRIVER));
    }

    @Override
    public String getDriver() {
        return DRIVER;
    }

    private static int integer(Object v, String what) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, was '" + v + "'", e);
        }
    }

    private static Duration duration(Object v, String what) {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof Number n) {
            return Duration.ofMillis(n.longValue());
        }
        String s = v.toString().trim();
        try {
            return s.startsWith("P") || s.startsWith("p") ? Duration.parse(s) : Duration.ofMillis(Long.parseLong(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " must be an ISO-8601 duration or milliseconds, was '" + v + "'", e);
        }
    }
}
