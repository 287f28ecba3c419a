package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.sqlite.SQLiteConfig;
import reactor.core.publisher.Mono;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * R2DBC {@link ConnectionFactory} for SQLite, backed by the xerial {@code sqlite-jdbc} driver.
 *
 * <p>Each {@link Connection} wraps one JDBC connection. All of its blocking JDBC calls run one at a time, in
 * order, on the configured scheduler (by default {@code Schedulers.boundedElastic()}), or with
 * {@link SqliteConnectionConfiguration.Builder#callerRuns(boolean) callerRuns} on the subscriber's thread when
 * that thread may block. Signals of a connection's publishers are delivered on the thread that ran the work; do
 * not block inside them. With a {@link SqliteConnectionConfiguration.Builder#poolSize(int) pool size} the factory
 * pools its connections itself ({@link #close()} closes the pool).
 *
 * <p>Every {@link io.r2dbc.spi.Result} should be consumed or cancelled: an unconsumed query result keeps its
 * SQLite statement (and so its read snapshot) open until the connection is closed.
 *
 * <p>Every connection has the {@code DECIMAL} collation, which compares decimal numbers held as text by value (see
 * {@link DecimalCollation}): a column declared {@code DECIMAL_TEXT(38, 10) COLLATE DECIMAL} keeps exact decimals,
 * read as {@code BigDecimal}, and still sorts and compares them as numbers.
 *
 * <p>Errors are {@link io.r2dbc.spi.R2dbcException}s: constraint violations are
 * {@link io.r2dbc.spi.R2dbcDataIntegrityViolationException}, SQL errors such as syntax errors or unknown tables
 * {@link io.r2dbc.spi.R2dbcBadGrammarException}, SQLITE_BUSY/SQLITE_LOCKED
 * {@link io.r2dbc.spi.R2dbcTransientResourceException}, SQLITE_READONLY/SQLITE_PERM/SQLITE_AUTH
 * {@link io.r2dbc.spi.R2dbcPermissionDeniedException}, SQLITE_INTERRUPT {@link io.r2dbc.spi.R2dbcTimeoutException}.
 * {@code getSqlState()} holds the name of SQLite's extended result code (e.g. {@code SQLITE_CONSTRAINT_UNIQUE},
 * {@code SQLITE_CONSTRAINT_FOREIGNKEY}, {@code SQLITE_CONSTRAINT_NOTNULL}, {@code SQLITE_CONSTRAINT_CHECK}) and
 * {@code getErrorCode()} its numeric value (e.g. 2067), so callers can tell the kinds of violations apart.
 */
public final class SqliteConnectionFactory implements ConnectionFactory, Closeable {

    private final SqliteConnectionConfiguration configuration;
    private final SchemaVersion schema = new SchemaVersion();
    private final ParsedSqlCache parsedSql = new ParsedSqlCache(256);
    private final SqlitePool pool;

    /**
     * Creates a connection factory.
     *
     * @param configuration the configuration
     */
    public SqliteConnectionFactory(SqliteConnectionConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.pool = configuration.getPoolSize() > 0
            ? new SqlitePool(configuration.getPoolSize(), this::open, configuration.getScheduler()) : null;
    }

    /** @return the configuration of this factory */
    public SqliteConnectionConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Opens a connection on the scheduler or, with a {@link SqliteConnectionConfiguration#getPoolSize() pool
     * size}, borrows one from this factory's pool (its {@code close()} gives it back).
     */
    @Override
    public Mono<Connection> create() {
        if (pool != null) {
            return pool.borrow().cast(Connection.class);
        }
        return Mono.<Connection>fromCallable(this::open)
            .onErrorMap(ExceptionMapper::map)
            .subscribeOn(configuration.getScheduler());
    }

    /**
     * Closes this factory's pool, if it has one: its idle connections now, the borrowed ones when they are given
     * back; borrowing fails from now on. Without a pool there is nothing to close.
     */
    @Override
    public Mono<Void> close() {
        return pool != null ? pool.close() : Mono.empty();
    }

    /** The pool, or null without a pool size (for tests). */
    SqlitePool pool() {
        return pool;
    }

    private SqliteConnection open() throws SQLException {
        SQLiteConfig sqliteConfig = new SQLiteConfig();
        sqliteConfig.setReadOnly(configuration.isReadOnly());
        sqliteConfig.setBusyTimeout((int) configuration.getBusyTimeout().toMillis());
        // The bridge never calls getGeneratedKeys (it offers RETURNING); without this, sqlite-jdbc lower-cases the
        // SQL text and matches a regular expression against it on every execute() to prepare them.
        sqliteConfig.setGetGeneratedKeys(false);
        java.sql.Connection jdbc = sqliteConfig.createConnection(configuration.jdbcUrl());
        try {
            org.sqlite.Collation.create(jdbc, DecimalCollation.NAME, new DecimalCollation());
            execute(jdbc, "PRAGMA foreign_keys = " + (configuration.isForeignKeys() ? "ON" : "OFF"));
            if (configuration.getJournalMode() != null) {
                execute(jdbc, "PRAGMA journal_mode = " + configuration.getJournalMode());
            }
            String version;
            try (PreparedStatement ps = jdbc.prepareStatement("SELECT sqlite_version()");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getString(1);
            }
            // Take transaction control away from the JDBC driver: in JDBC auto-commit mode it would commit any
            // transaction begun with plain SQL. With JDBC auto-commit off and its implicit BEGIN committed,
            // SQLite is in its own auto-commit mode and the connection issues BEGIN/COMMIT itself.
            jdbc.setAutoCommit(false);
            execute(jdbc, "COMMIT");
            return new SqliteConnection(jdbc, configuration, new SqliteConnectionMetadata(version), schema, parsedSql);
        } catch (SQLException | RuntimeException e) {
            try {
                jdbc.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static void execute(java.sql.Connection jdbc, String sql) throws SQLException {
        try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
            ps.execute();
        }
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return SqliteConnectionFactoryMetadata.INSTANCE;
    }

    @Override
    public String toString() {
        return "SqliteConnectionFactory{" + configuration + '}';
    }
}
