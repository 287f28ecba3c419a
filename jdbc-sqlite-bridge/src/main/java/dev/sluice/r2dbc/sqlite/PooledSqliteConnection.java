package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One borrowing of a pooled {@link SqliteConnection} ({@link SqlitePool}): it delegates to the connection until
 * {@link #close()}, which gives the connection back; from then on it refuses every call. {@link #unwrap()} is the
 * connection itself, whose own {@code close()} closes it for good (the pool then opens another when needed).
 */
final class PooledSqliteConnection implements Interruptible, Wrapped<Connection> {

    private final SqliteConnection connection;
    private final SqlitePool pool;
    private final AtomicBoolean released = new AtomicBoolean();

    PooledSqliteConnection(SqliteConnection connection, SqlitePool pool) {
        this.connection = connection;
        this.pool = pool;
    }

    private SqliteConnection live() {
        if (released.get()) {
            throw new IllegalStateException("Connection is closed (given back to the pool)");
        }
        return connection;
    }

    private <T> Mono<T> whenLive(java.util.function.Function<SqliteConnection, Mono<T>> call) {
        return Mono.defer(() -> released.get() ? Mono.error(SqliteConnection.closedException())
            : call.apply(connection));
    }

    @Override
    public Mono<Void> beginTransaction() {
        return whenLive(SqliteConnection::beginTransaction);
    }

    @Override
    public Mono<Void> beginTransaction(TransactionDefinition definition) {
        return whenLive(c -> c.beginTransaction(definition));
    }

    @Override
    public Mono<Void> commitTransaction() {
        return whenLive(SqliteConnection::commitTransaction);
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return whenLive(SqliteConnection::rollbackTransaction);
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        return whenLive(c -> c.createSavepoint(name));
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        return whenLive(c -> c.releaseSavepoint(name));
    }

    @Override
    public Mono<Void> rollbackTransactionToSavepoint(String name) {
        return whenLive(c -> c.rollbackTransactionToSavepoint(name));
    }

    @Override
    public boolean isAutoCommit() {
        return connection.isAutoCommit();
    }

    @Override
    public Mono<Void> setAutoCommit(boolean autoCommit) {
        return whenLive(c -> c.setAutoCommit(autoCommit));
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return connection.getTransactionIsolationLevel();
    }

    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
        return whenLive(c -> c.setTransactionIsolationLevel(isolationLevel));
    }

    @Override
    public Mono<Void> interrupt() {
        return whenLive(SqliteConnection::interrupt);
    }

    @Override
    public Mono<Void> setLockWaitTimeout(Duration timeout) {
        return whenLive(c -> c.setLockWaitTimeout(timeout));
    }

    @Override
    public Mono<Void> setStatementTimeout(Duration timeout) {
        return whenLive(c -> c.setStatementTimeout(timeout));
    }

    @Override
    public SqliteBatch createBatch() {
        return live().createBatch();
    }

    @Override
    public SqliteStatement createStatement(String sql) {
        return live().createStatement(sql);
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return connection.getMetadata();
    }

    /** False once given back; otherwise the connection's own answer. */
    @Override
    public Mono<Boolean> validate(ValidationDepth depth) {
        if (depth == null) {
            throw new IllegalArgumentException("depth must not be null");
        }
        return Mono.defer(() -> released.get() ? Mono.just(false) : connection.validate(depth));
    }

    /** Gives the connection back to the pool (once; later calls do nothing). */
    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            if (released.compareAndSet(false, true)) {
                pool.giveBack(connection);
            }
        });
    }

    @Override
    public Connection unwrap() {
        return connection;
    }

    @Override
    public String toString() {
        return "Pooled" + connection + (released.get() ? "(given back)" : "");
    }
}
