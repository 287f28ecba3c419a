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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A SQLite R2DBC connection. All JDBC work is queued on a {@link SerialExecutor}.
 *
 * <p>Transactions are issued as SQL ({@code BEGIN IMMEDIATE} by default, {@code COMMIT}, {@code ROLLBACK},
 * {@code SAVEPOINT}, {@code RELEASE SAVEPOINT}, {@code ROLLBACK TO SAVEPOINT}); use these methods rather than
 * executing transaction statements directly, or {@link #isAutoCommit()} will not know about them.
 * With auto-commit off, a transaction is begun implicitly before the next statement.
 */
final class SqliteConnection implements Connection {

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
    private volatile boolean closed;
    private volatile Duration statementTimeout = Duration.ZERO;

    SqliteConnection(java.sql.Connection jdbc, SqliteConnectionConfiguration configuration,
                     SqliteConnectionMetadata metadata) {
        this.jdbc = jdbc;
        this.configuration = configuration;
        this.metadata = metadata;
        this.executor = new SerialExecutor(configuration.getScheduler());
        this.transactions = new Transactions(this, configuration.getTransactionMode());
    }

    java.sql.Connection jdbc() {
        return jdbc;
    }

    SerialExecutor executor() {
        return executor;
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
            } catch (Throwable t) {
                sink.error(ExceptionMapper.map(t));
                return;
            }
            sink.success(value);
        }));
    }

    /**
     * Executes one statement unit on the queue. It is skipped if the subscriber cancelled before it ran, and a
     * cursor produced for a subscriber that cancelled meanwhile is closed at once.
     */
    Mono<SqliteResult> execute(ParsedSql.Unit unit, Object[] values, int fetchSize) {
        return Mono.create(sink -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            sink.onCancel(() -> cancelled.set(true));
            executor.execute(() -> {
                if (cancelled.get()) {
                    return;
                }
                if (closed) {
                    sink.error(closedException());
                    return;
                }
                SqliteResult result = executeUnit(unit, values, fetchSize);
                if (cancelled.get()) {
                    result.discard();
                } else {
                    sink.success(result);
                }
            });
        });
    }

    /** Executes one statement on the JDBC connection (queue thread only). */
    void exec(String sql) throws SQLException {
        try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
            ps.execute();
        }
    }

    /** Executes one statement unit and wraps its outcome as a result (queue thread only). */
    SqliteResult executeUnit(ParsedSql.Unit unit, Object[] values, int fetchSize) {
        PreparedStatement ps = null;
        try {
            transactions.beginImplicitIfNeeded();
            ps = jdbc.prepareStatement(unit.sql());
            for (int index : unit.parameterIndexes()) {
                ValueEncoder.bind(ps, index + 1, values[index]);
            }
            Duration timeout = statementTimeout;
            if (!timeout.isZero()) {
                ps.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            }
            if (ps.execute()) {
                RowCursor cursor = new RowCursor(this, ps, ps.getResultSet(), unit.dml(), fetchSize);
                cursors.add(cursor);
                return SqliteResult.ofCursor(cursor);
            }
            long count = unit.dml() ? Math.max(0, ps.getUpdateCount()) : 0;
            ps.close();
            return SqliteResult.ofUpdateCount(count);
        } catch (Exception e) {
            closeQuietly(ps);
            return SqliteResult.ofError(ExceptionMapper.map(e));
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
        return new SqliteStatement(this, SqlParser.parse(sql));
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
            exec("SELECT 1");
            return true;
        }).onErrorReturn(false);
    }

    @Override
    public Mono<Void> close() {
        return Mono.create(sink -> executor.execute(() -> {
            if (!closed) {
                closed = true;
                for (RowCursor cursor : new ArrayList<>(cursors)) {
                    cursor.closeResources();
                }
                cursors.clear();
                transactions.abandon();
                closeQuietly(jdbc);
            }
            sink.success();
        }));
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
