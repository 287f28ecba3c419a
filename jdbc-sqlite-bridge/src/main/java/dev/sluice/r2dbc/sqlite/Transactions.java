package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.TransactionDefinition;

import java.sql.SQLException;

/**
 * Transaction state of one connection and the SQL that changes it. Mutating methods run on the connection's
 * queue; the state is volatile so that {@link #isAutoCommit()} can be read from any thread.
 *
 * <p>Isolation levels, as SQLite offers them:
 * <ul>
 *   <li>{@link IsolationLevel#SERIALIZABLE} — SQLite's only real level and the default: a transaction sees a
 *       consistent snapshot and writers are serialised by the database lock.</li>
 *   <li>{@link IsolationLevel#REPEATABLE_READ}, {@link IsolationLevel#READ_COMMITTED} — accepted and reported,
 *       but transactions still run serializable, which gives at least the requested guarantees.</li>
 *   <li>{@link IsolationLevel#READ_UNCOMMITTED} — sets {@code PRAGMA read_uncommitted = 1}, which only has an
 *       effect between connections sharing a cache ({@code cache=shared}, e.g. a shared in-memory database):
 *       they may then read each other's uncommitted changes. Elsewhere it behaves as serializable.</li>
 * </ul>
 * A {@link TransactionDefinition} may carry an isolation level (applied for that transaction only),
 * {@link TransactionDefinition#READ_ONLY} (runs the transaction with {@code PRAGMA query_only = 1} and
 * {@code BEGIN DEFERRED}) and {@link SqliteConnectionFactoryProvider#TRANSACTION_MODE}.
 */
final class Transactions {

    private final SqliteConnection connection;
    private final SqliteConnectionConfiguration.TransactionMode defaultMode;
    private volatile boolean autoCommit = true;
    private volatile boolean active;
    private volatile IsolationLevel isolation = IsolationLevel.SERIALIZABLE;
    private IsolationLevel isolationToRestore;
    private boolean queryOnlyToRestore;

    Transactions(SqliteConnection connection, SqliteConnectionConfiguration.TransactionMode defaultMode) {
        this.connection = connection;
        this.defaultMode = defaultMode;
    }

    boolean isAutoCommit() {
        return autoCommit && !active;
    }

    IsolationLevel isolationLevel() {
        return isolation;
    }

    void begin(TransactionDefinition definition) throws SQLException {
        if (active) {
            return;
        }
        SqliteConnectionConfiguration.TransactionMode mode = defaultMode;
        if (definition != null) {
            Object requestedMode = definition.getAttribute(SqliteConnectionFactoryProvider.TRANSACTION_MODE);
            Boolean readOnly = definition.getAttribute(TransactionDefinition.READ_ONLY);
            IsolationLevel level = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
            if (requestedMode != null) {
                mode = SqliteConnectionFactoryProvider.toTransactionMode(requestedMode);
            } else if (Boolean.TRUE.equals(readOnly)) {
                mode = SqliteConnectionConfiguration.TransactionMode.DEFERRED;
            }
            if (level != null && !level.equals(isolation)) {
                IsolationLevel previous = isolation;
                applyIsolation(level);
                isolationToRestore = previous;
            }
            if (Boolean.TRUE.equals(readOnly)) {
                connection.exec("PRAGMA query_only = 1", true);
                queryOnlyToRestore = true;
            }
        }
        try {
            connection.exec("BEGIN " + mode.name(), true);
        } catch (SQLException e) {
            restore();
            throw e;
        }
        active = true;
    }

    void beginImplicitIfNeeded() throws SQLException {
        if (!autoCommit && !active) {
            begin(null);
        }
    }

    void commit() throws SQLException {
        if (!active) {
            return;
        }
        try {
            connection.exec("COMMIT", true);
        } catch (SQLException e) {
            if (!isNoTransaction(e)) {
                throw e; // e.g. SQLITE_BUSY or a deferred constraint: the transaction is still open
            }
            active = false;
            restore();
            throw new R2dbcRollbackException("Transaction had already been rolled back by SQLite", e);
        }
        active = false;
        restore();
    }

    void rollback() throws SQLException {
        if (!active) {
            return;
        }
        try {
            try {
                connection.exec("ROLLBACK", true);
            } catch (SQLException e) {
                if (!isInterrupted(e)) {
                    throw e;
                }
                // an interrupt (Interruptible) meant for the statement before also hit this ROLLBACK:
                // it stays in force while any statement is active
                connection.finishActiveStatements();
                connection.exec("ROLLBACK", true);
            }
        } catch (SQLException e) {
            if (!isNoTransaction(e)) {
                throw e;
            }
        } finally {
            active = false;
            restore();
        }
    }

    void setAutoCommit(boolean autoCommit) throws SQLException {
        if (autoCommit && active) {
            commit();
        }
        this.autoCommit = autoCommit;
    }

    void savepoint(String sql, boolean create) throws SQLException {
        if (create && !active) {
            begin(null);
        }
        connection.exec(sql, false);
        if (!create) {
            connection.transactionEnded(); // RELEASE may commit, ROLLBACK TO may undo a schema change
        }
    }

    void setIsolationLevel(IsolationLevel level) throws SQLException {
        applyIsolation(level);
        isolationToRestore = null;
    }

    /** The connection is closing; SQLite rolls back an open transaction itself. */
    void abandon() {
        active = false;
    }

    private void applyIsolation(IsolationLevel level) throws SQLException {
        connection.exec("PRAGMA read_uncommitted = " + (IsolationLevel.READ_UNCOMMITTED.equals(level) ? 1 : 0), true);
        isolation = level;
    }

    private void restore() {
        connection.transactionEnded();
        try {
            if (isolationToRestore != null) {
                applyIsolation(isolationToRestore);
            }
            if (queryOnlyToRestore) {
                connection.exec("PRAGMA query_only = 0", true);
            }
        } catch (SQLException ignored) {
            // best effort; the connection stays usable
        } finally {
            isolationToRestore = null;
            queryOnlyToRestore = false;
        }
    }

    private static boolean isInterrupted(SQLException e) {
        return e.getErrorCode() == 9 || e.getMessage() != null && e.getMessage().contains("SQLITE_INTERRUPT");
    }

    private static boolean isNoTransaction(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("no transaction is active");
    }

    static String quoteName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("savepoint name must not be empty");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
