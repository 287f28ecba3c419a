package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import org.sqlite.SQLiteConnection;
import reactor.core.publisher.Mono;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SQLite R2DBC connection. All JDBC work is queued on a {@link SerialExecutor}.
 *
 * <p>Transactions are issued as SQL ({@code BEGIN IMMEDIATE} by default, {@code COMMIT}, {@code ROLLBACK},
 * {@code SAVEPOINT}, {@code RELEASE SAVEPOINT}, {@code ROLLBACK TO SAVEPOINT}); use these methods rather than
 * executing transaction statements directly, or {@link #isAutoCommit()} will not know about them.
 * With auto-commit off, a transaction is begun implicitly before the next statement.
 */
final class SqliteConnection implements Interruptible {

    /** A unit of blocking work. */
    interface Work<T> {
        T run() throws Exception;
    }

    private final java.sql.Connection jdbc;
    private final SqliteConnectionConfiguration configuration;
    private final SqliteConnectionMetadata metadata;
    private final SerialExecutor executor;
    private final Transactions transactions;
    private final Set<RowCursor> cursors = ConcurrentHashMap.newKeySet();
    private final SchemaVersion schema;
    private final StatementCache statements;
    private final ParsedSqlCache parsedSql;
    private volatile boolean closed;
    private volatile Duration statementTimeout = Duration.ZERO;
    // Confined to the queue: a statement that may have changed the schema ran since the last transaction end.
    private boolean schemaChangePending;

    SqliteConnection(java.sql.Connection jdbc, SqliteConnectionConfiguration configuration,
                     SqliteConnectionMetadata metadata, SchemaVersion schema, ParsedSqlCache parsedSql) {
        this.jdbc = jdbc;
        this.configuration = configuration;
        this.metadata = metadata;
        this.schema = schema;
        this.parsedSql = parsedSql;
        this.statements = new StatementCache(configuration.getStatementCacheSize(), schema);
        this.executor = new SerialExecutor(configuration.getScheduler(), configuration.isCallerRuns());
        this.transactions = new Transactions(this, configuration.getTransactionMode());
    }

    java.sql.Connection jdbc() {
        return jdbc;
    }

    SerialExecutor executor() {
        return executor;
    }

    /** The prepared statements kept for reuse (queue thread only). */
    StatementCache statements() {
        return statements;
    }

    /** Runs blocking work on this connection's queue; fails if the connection is closed. */
    <T> Mono<T> run(Work<T> work) {
        return Mono.create(sink -> executor.execute(() -> {
            if (closed) {
                sink.error(closedException());
                return;
            }
            T value;
            try {
                value = work.run();
            } catch (Exception e) {
                sink.error(ExceptionMapper.map(e));
                return;
            }
            sink.success(value);
        }, sink::error));
    }

    /**
     * Executes one statement unit on the queue, once requested ({@link ExecuteMono}). It is skipped if the
     * subscriber cancelled before it ran, and a cursor produced for a subscriber that cancelled meanwhile is
     * closed at once.
     */
    Mono<SqliteResult> execute(ParsedSql.Unit unit, Object[] values, int fetchSize) {
        return new ExecuteMono(this, unit, values, fetchSize);
    }

    /**
     * Executes one statement of the connection's own on the JDBC connection (queue thread only). Unless
     * {@code cacheable} is false (e.g. savepoint names, which vary), the statement is kept prepared.
     */
    void exec(String sql, boolean cacheable) throws SQLException {
        CachedStatement statement = statements.acquire(jdbc, sql, cacheable);
        try {
            if (statement.statement().execute()) {
                statement.statement().getResultSet().close();
            }
        } catch (SQLException | RuntimeException e) {
            statements.discard(statement);
            throw e;
        }
        statements.release(statement);
    }

    /**
     * Closes every prepared statement kept idle and every open cursor (queue thread only): SQLite keeps an
     * interrupt in force until no statement of the connection is active, so after an {@link #interrupt()}
     * this lets a ROLLBACK run.
     */
    void finishActiveStatements() {
        for (RowCursor cursor : new ArrayList<>(cursors)) {
            cursor.closeResources();
        }
        cursors.clear();
        statements.clear();
    }

    /** Executes one statement unit and wraps its outcome as a result (queue thread only). */
    SqliteResult executeUnit(ParsedSql.Unit unit, Object[] values, int fetchSize) {
        CachedStatement statement = null;
        try {
            transactions.beginImplicitIfNeeded();
            statement = statements.acquire(jdbc, unit.sql(), unit.kind() == ParsedSql.Kind.CACHEABLE);
            PreparedStatement ps = statement.statement();
            for (int index : unit.parameterIndexes()) {
                ValueEncoder.bind(ps, index + 1, values[index]);
            }
            Duration timeout = statementTimeout;
            ps.setQueryTimeout(timeout.isZero() ? 0 : (int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            boolean rows = ps.execute();
            schemaTouched(unit.kind());
            if (rows) {
                return RowCursor.open(this, statement, unit.dml(), fetchSize);
            }
            long count = unit.dml() ? Math.max(0, ps.getUpdateCount()) : 0;
            statements.release(statement);
            return SqliteResult.ofUpdateCount(count);
        } catch (Exception e) {
            if (statement != null) {
                statements.discard(statement);
            }
            return SqliteResult.ofError(ExceptionMapper.map(e));
        }
    }

    /**
     * Whether the connection can go back to a pool as it is (any thread, once its queue is idle): no
     * transaction open, auto-commit on, no result left open, no statement timeout.
     */
    boolean isReusableAsIs() {
        return transactions.isAutoCommit() && cursors.isEmpty() && statementTimeout.isZero();
    }

    /**
     * Makes the connection fit for its next borrower (queue thread only): closes results left open, rolls back
     * a transaction left open, turns auto-commit back on and clears the statement timeout.
     */
    void resetForReuse() throws SQLException {
        for (RowCursor cursor : new ArrayList<>(cursors)) {
            cursor.closeResources();
        }
        transactions.rollback();
        transactions.setAutoCommit(true);
        statementTimeout = Duration.ZERO;
    }

    /** Registers a cursor that holds an open result set, so that closing the connection closes it (queue only). */
    void cursorOpened(RowCursor cursor) {
        cursors.add(cursor);
    }

    /**
     * Records that a statement of the given kind ran: DDL and the like change the schema version at once, and the
     * end of a transaction in which they ran changes it again, as the change becomes visible to other connections
     * (or is undone). Queue thread only.
     */
    private void schemaTouched(ParsedSql.Kind kind) {
        if (kind == ParsedSql.Kind.OTHER) {
            schema.changed();
            schemaChangePending = true;
        } else if (kind == ParsedSql.Kind.TRANSACTION_END) {
            transactionEnded();
        }
    }

    /** A transaction ended (commit, rollback, release or rollback to a savepoint); queue thread only. */
    void transactionEnded() {
        if (schemaChangePending) {
            schemaChangePending = false;
            schema.changed();
        }
    }

    void cursorClosed(RowCursor cursor) {
        cursors.remove(cursor);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }

    static R2dbcNonTransientResourceException closedException() {
        return new R2dbcNonTransientResourceException("Connection is closed");
    }

    @Override
    public Mono<Void> beginTransaction() {
        return run(() -> {
            transactions.begin(null);
            return null;
        });
    }

    @Override
    public Mono<Void> beginTransaction(TransactionDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException("definition must not be null");
        }
        return run(() -> {
            transactions.begin(definition);
            return null;
        });
    }

    @Override
    public Mono<Void> commitTransaction() {
        return run(() -> {
            transactions.commit();
            return null;
        });
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return run(() -> {
            transactions.rollback();
            return null;
        });
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        String quoted = Transactions.quoteName(name);
        return run(() -> {
            transactions.savepoint("SAVEPOINT " + quoted, true);
            return null;
        });
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        String quoted = Transactions.quoteName(name);
        return run(() -> {
            transactions.savepoint("RELEASE SAVEPOINT " + quoted, false);
            return null;
        });
    }

    @Override
    public Mono<Void> rollbackTransactionToSavepoint(String name) {
        String quoted = Transactions.quoteName(name);
        return run(() -> {
            transactions.savepoint("ROLLBACK TO SAVEPOINT " + quoted, false);
            return null;
        });
    }

    @Override
    public boolean isAutoCommit() {
        return transactions.isAutoCommit();
    }

    @Override
    public Mono<Void> setAutoCommit(boolean autoCommit) {
        return run(() -> {
            transactions.setAutoCommit(autoCommit);
            return null;
        });
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return transactions.isolationLevel();
    }

    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
        if (isolationLevel == null) {
            throw new IllegalArgumentException("isolationLevel must not be null");
        }
        return run(() -> {
            transactions.setIsolationLevel(isolationLevel);
            return null;
        });
    }

    /**
     * {@code sqlite3_interrupt} from the calling thread (it does not wait for the queue): the statement
     * running now, or the open cursor being read, fails with {@code SQLITE_INTERRUPT}.
     */
    @Override
    public Mono<Void> interrupt() {
        return Mono.fromRunnable(() -> {
            if (closed) {
                return;
            }
            try {
                jdbc.unwrap(SQLiteConnection.class).getDatabase().interrupt();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not interrupt " + this, e);
            }
        });
    }

    /** Sets SQLite's busy timeout, how long to wait for another connection's lock. */
    @Override
    public Mono<Void> setLockWaitTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive");
        }
        return run(() -> {
            jdbc.unwrap(SQLiteConnection.class).setBusyTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return null;
        });
    }

    /** Sets the JDBC query timeout (whole seconds, rounded up) of statements executed from now on. */
    @Override
    public Mono<Void> setStatementTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive");
        }
        return Mono.fromRunnable(() -> this.statementTimeout = timeout);
    }

    @Override
    public SqliteBatch createBatch() {
        return new SqliteBatch(this);
    }

    @Override
    public SqliteStatement createStatement(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        return new SqliteStatement(this, parsedSql.parse(sql));
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return metadata;
    }

    @Override
    public Mono<Boolean> validate(ValidationDepth depth) {
        if (depth == null) {
            throw new IllegalArgumentException("depth must not be null");
        }
        if (depth == ValidationDepth.LOCAL || closed) {
            return Mono.fromSupplier(() -> !closed);
        }
        return run(() -> {
            exec("SELECT 1", true);
            return true;
        }).onErrorReturn(false);
    }

    @Override
    public Mono<Void> close() {
        return Mono.create(sink -> executor.execute(() -> {
            if (!closed) {
                closed = true;
                statements.close();
                for (RowCursor cursor : new ArrayList<>(cursors)) {
                    cursor.closeResources();
                }
                cursors.clear();
                transactions.abandon();
                transactionEnded();
                closeQuietly(jdbc);
            }
            sink.success();
        }, sink::error));
    }

    boolean isClosed() {
        return closed;
    }

    SqliteConnectionConfiguration configuration() {
        return configuration;
    }

    @Override
    public String toString() {
        return "SqliteConnection{" + configuration.getDatabase() + (closed ? ", closed" : "") + '}';
    }
}
