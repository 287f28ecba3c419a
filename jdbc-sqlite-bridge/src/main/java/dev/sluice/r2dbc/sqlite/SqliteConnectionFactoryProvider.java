package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;
import io.r2dbc.spi.Option;
import reactor.core.scheduler.Scheduler;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * R2DBC {@link ConnectionFactoryProvider} for SQLite, driver name {@value #DRIVER}.
 *
 * <p>URLs (the SQLAlchemy convention: what follows {@code ///} is the path as written):
 * <ul>
 *   <li>{@code r2dbc:sqlite:///app.db} or {@code r2dbc:sqlite:///./data/app.db} — a file relative to the working
 *       directory;</li>
 *   <li>{@code r2dbc:sqlite:////var/data/app.db} — an absolute path (four slashes);</li>
 *   <li>{@code r2dbc:sqlite:///:memory:} or {@code r2dbc:sqlite:memory:///} — a private in-memory database per
 *       connection;</li>
 *   <li>{@code r2dbc:sqlite:memory:///NAME} — a named in-memory database shared by the connections of this
 *       process (same as {@code r2dbc:sqlite:///file:NAME?mode=memory&cache=shared});</li>
 *   <li>{@code r2dbc:sqlite:///file:...?mode=...&cache=...} — a SQLite URI filename; its parameters
 *       {@code mode}, {@code cache}, {@code vfs}, {@code immutable}, {@code nolock} are passed on to SQLite.</li>
 * </ul>
 * A {@code file} protocol ({@code r2dbc:sqlite:file:///app.db}) means the same as no protocol. Forms without
 * {@code //} such as {@code r2dbc:sqlite:file:./app.db} are rejected by {@link ConnectionFactoryOptions#parse}
 * itself, before any driver sees them.
 *
 * <p>Options (URL query parameters or {@link ConnectionFactoryOptions}): {@link #JOURNAL_MODE},
 * {@link #BUSY_TIMEOUT} (falls back to {@link ConnectionFactoryOptions#LOCK_WAIT_TIMEOUT}), {@link #FOREIGN_KEYS},
 * {@link #READ_ONLY}, {@link #TRANSACTION_MODE}, {@link #STATEMENT_CACHE_SIZE}, {@link #CALLER_RUNS},
 * {@link #POOL_SIZE}, {@link #SCHEDULER}. Example:
 * {@code r2dbc:sqlite:///app.db?journalMode=DELETE&busyTimeout=10000&foreignKeys=false}.
 */
public final class SqliteConnectionFactoryProvider implements ConnectionFactoryProvider {

    /** The driver name: {@value}. */
    public static final String DRIVER = "sqlite";

    /** {@code PRAGMA journal_mode}: DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF. Default WAL for file databases. */
    public static final Option<String> JOURNAL_MODE = Option.valueOf("journalMode");

    /** Busy timeout: a {@link Duration}, a number of milliseconds or an ISO-8601 duration text. Default 5 s. */
    public static final Option<Duration> BUSY_TIMEOUT = Option.valueOf("busyTimeout");

    /** Whether {@code PRAGMA foreign_keys} is on. Default {@code true}. */
    public static final Option<Boolean> FOREIGN_KEYS = Option.valueOf("foreignKeys");

    /** Whether connections are opened read-only. Default {@code false}. */
    public static final Option<Boolean> READ_ONLY = Option.valueOf("readOnly");

    /**
     * How transactions begin: DEFERRED, IMMEDIATE (default) or EXCLUSIVE. Also accepted as a
     * {@link io.r2dbc.spi.TransactionDefinition} attribute to choose the mode of one transaction.
     */
    public static final Option<SqliteConnectionConfiguration.TransactionMode> TRANSACTION_MODE =
        Option.valueOf("transactionMode");

    /**
     * How many prepared statements each connection keeps for reuse: a number, 0 for none. Default
     * {@value SqliteConnectionConfiguration#DEFAULT_STATEMENT_CACHE_SIZE}; see
     * {@link SqliteConnectionConfiguration.Builder#statementCacheSize(int)}.
     */
    public static final Option<Integer> STATEMENT_CACHE_SIZE = Option.valueOf("statementCacheSize");

    /** The {@link Scheduler} that runs blocking JDBC calls (programmatic only). Default bounded elastic. */
    public static final Option<Scheduler> SCHEDULER = Option.valueOf("scheduler");

    /** Whether a thread that may block runs a connection's JDBC work itself (URL {@code callerRuns=true}). */
    public static final Option<Boolean> CALLER_RUNS = Option.valueOf("callerRuns");

    /**
     * How many connections the factory pools itself (URL {@code poolSize=4}); default 0, no pool. See
     * {@link SqliteConnectionConfiguration.Builder#poolSize(int)}.
     */
    public static final Option<Integer> POOL_SIZE = Option.valueOf("poolSize");

    private static final List<String> URI_PARAMETERS = List.of("mode", "cache", "vfs", "immutable", "nolock");

    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public SqliteConnectionFactoryProvider() {
    }

    @Override
    public SqliteConnectionFactory create(ConnectionFactoryOptions options) {
        return new SqliteConnectionFactory(toConfiguration(options));
    }

    @Override
    public boolean supports(ConnectionFactoryOptions options) {
        return DRIVER.equals(options.getValue(ConnectionFactoryOptions.DRIVER));
    }

    @Override
    public String getDriver() {
        return DRIVER;
    }

    /**
     * Translates R2DBC options into a configuration.
     *
     * @param options the options
     * @return the configuration
     * @throws IllegalArgumentException if the options do not name a database or hold invalid values
     */
    public static SqliteConnectionConfiguration toConfiguration(ConnectionFactoryOptions options) {
        SqliteConnectionConfiguration.Builder builder = SqliteConnectionConfiguration.builder();
        builder.database(database(options));
        Object journal = options.getValue(JOURNAL_MODE);
        if (journal != null) {
            builder.journalMode(journal.toString());
        }
        Object busy = options.hasOption(BUSY_TIMEOUT) ? options.getValue(BUSY_TIMEOUT)
            : options.getValue(ConnectionFactoryOptions.LOCK_WAIT_TIMEOUT);
        if (busy != null) {
            builder.busyTimeout(toDuration(busy));
        }
        Object fk = options.getValue(FOREIGN_KEYS);
        if (fk != null) {
            builder.foreignKeys(toBoolean(fk));
        }
        Object ro = options.getValue(READ_ONLY);
        if (ro != null) {
            builder.readOnly(toBoolean(ro));
        }
        Object mode = options.getValue(TRANSACTION_MODE);
        if (mode != null) {
            builder.transactionMode(toTransactionMode(mode));
        }
        Object cacheSize = options.getValue(STATEMENT_CACHE_SIZE);
        if (cacheSize != null) {
            builder.statementCacheSize(toInt(cacheSize));
        }
        Object callerRuns = options.getValue(CALLER_RUNS);
        if (callerRuns != null) {
            builder.callerRuns(toBoolean(callerRuns));
        }
        Object poolSize = options.getValue(POOL_SIZE);
        if (poolSize != null) {
            builder.poolSize(toInt(poolSize));
        }
        Object scheduler = options.getValue(SCHEDULER);
        if (scheduler != null) {
            if (!(scheduler instanceof Scheduler)) {
                throw new IllegalArgumentException("scheduler must be a reactor Scheduler: " + scheduler);
            }
            builder.scheduler((Scheduler) scheduler);
        }
        return builder.build();
    }

    private static String database(ConnectionFactoryOptions options) {
        Object protocolValue = options.getValue(ConnectionFactoryOptions.PROTOCOL);
        String protocol = protocolValue == null ? "" : protocolValue.toString().toLowerCase(Locale.ROOT);
        Object dbValue = options.getValue(ConnectionFactoryOptions.DATABASE);
        String database = dbValue == null ? "" : dbValue.toString();
        if (protocol.equals("memory")) {
            return database.isEmpty() || database.equals(":memory:") ? ":memory:"
                : "file:" + database + "?mode=memory&cache=shared";
        }
        if (!protocol.isEmpty() && !protocol.equals("file")) {
            throw new IllegalArgumentException("Unsupported SQLite protocol '" + protocol + "' (use file or memory)");
        }
        if (database.isEmpty()) {
            throw new IllegalArgumentException("No SQLite database given (option 'database', e.g. r2dbc:sqlite:///app.db)");
        }
        if (database.startsWith("file:")) {
            StringBuilder uri = new StringBuilder(database);
            for (String name : URI_PARAMETERS) {
                Object value = options.getValue(Option.valueOf(name));
                if (value != null) {
                    uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value);
                }
            }
            return uri.toString();
        }
        return database;
    }

    static Duration toDuration(Object value) {
        if (value instanceof Duration) {
            return (Duration) value;
        }
        if (value instanceof Number) {
            return Duration.ofMillis(((Number) value).longValue());
        }
        String text = value.toString().trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid duration (milliseconds or ISO-8601): " + value, e);
        }
    }

    static int toInt(Object value) {
        if (value instanceof Number) {
            return ((Number) value).intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number: " + value, e);
        }
    }

    static boolean toBoolean(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true": case "on": case "yes": case "1":
                return true;
            case "false": case "off": case "no": case "0":
                return false;
            default:
                throw new IllegalArgumentException("Invalid boolean: " + value);
        }
    }

    static SqliteConnectionConfiguration.TransactionMode toTransactionMode(Object value) {
        if (value instanceof SqliteConnectionConfiguration.TransactionMode) {
            return (SqliteConnectionConfiguration.TransactionMode) value;
        }
        try {
            return SqliteConnectionConfiguration.TransactionMode.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid transaction mode (DEFERRED, IMMEDIATE, EXCLUSIVE): " + value, e);
        }
    }
}
