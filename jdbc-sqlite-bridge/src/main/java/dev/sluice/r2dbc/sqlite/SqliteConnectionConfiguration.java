package dev.sluice.r2dbc.sqlite;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Immutable configuration of a {@link SqliteConnectionFactory}. Create one with {@link #builder()}.
 *
 * <p>The database is one of:
 * <ul>
 *   <li>a file path, relative ({@code ./app.db}, {@code app.db}) or absolute ({@code /var/data/app.db});</li>
 *   <li>{@code :memory:} — a private in-memory database, a new empty one for every connection
 *       ({@link Builder#inMemory()});</li>
 *   <li>a SQLite URI filename such as {@code file:name?mode=memory&cache=shared} — e.g. a named in-memory
 *       database shared by all connections of this process while at least one is open
 *       ({@link Builder#sharedInMemory(String)}).</li>
 * </ul>
 *
 * <p>Defaults: journal mode {@code WAL} for file databases (nothing is set for in-memory or read-only
 * databases), busy timeout 5 seconds, foreign keys enforced, read-write, transactions begin with
 * {@code BEGIN IMMEDIATE} (see {@link TransactionMode}), blocking work runs on {@link Schedulers#boundedElastic()},
 * up to {@value #DEFAULT_STATEMENT_CACHE_SIZE} prepared statements are kept per connection.
 */
public final class SqliteConnectionConfiguration {

    /**
     * How {@code beginTransaction()} (and the implicit transaction of a connection with auto-commit off) starts
     * a SQLite transaction.
     */
    public enum TransactionMode {
        /** {@code BEGIN DEFERRED}: no lock until the first read or write. A later write may fail with SQLITE_BUSY. */
        DEFERRED,
        /**
         * {@code BEGIN IMMEDIATE}: takes the write lock at once, waiting up to the busy timeout for other writers.
         * The default, because it lets concurrent writing transactions queue up instead of failing.
         */
        IMMEDIATE,
        /** {@code BEGIN EXCLUSIVE}: like {@code IMMEDIATE}; in rollback-journal mode it also keeps readers out. */
        EXCLUSIVE
    }

    /** The default number of prepared statements kept for reuse per connection. */
    public static final int DEFAULT_STATEMENT_CACHE_SIZE = 64;

    /** The default busy timeout: 5 seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern JOURNAL_MODE = Pattern.compile("(?i)DELETE|TRUNCATE|PERSIST|MEMORY|WAL|OFF");

    private final String database;
    private final String journalMode;
    private final Duration busyTimeout;
    private final boolean foreignKeys;
    private final boolean readOnly;
    private final TransactionMode transactionMode;
    private final Scheduler scheduler;
    private final int statementCacheSize;
    private final boolean callerRuns;
    private final int poolSize;

    private SqliteConnectionConfiguration(Builder builder) {
        this.callerRuns = builder.callerRuns;
        this.poolSize = builder.poolSize;
        this.database = Objects.requireNonNull(builder.database, "database must be set");
        this.readOnly = builder.readOnly;
        this.journalMode = builder.journalMode != null ? builder.journalMode
            : (isInMemory() || readOnly ? null : "WAL");
        this.busyTimeout = builder.busyTimeout;
        this.foreignKeys = builder.foreignKeys;
        this.transactionMode = builder.transactionMode;
        this.scheduler = builder.scheduler != null ? builder.scheduler : Schedulers.boundedElastic();
        this.statementCacheSize = builder.statementCacheSize;
    }

    /**
     * Returns a new builder.
     *
     * @return a builder with the defaults described on this class
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the database path, {@code :memory:} or SQLite URI filename */
    public String getDatabase() {
        return database;
    }

    /** @return the journal mode set on every new connection, or {@code null} to leave SQLite's default */
    public String getJournalMode() {
        return journalMode;
    }

    /** @return how long a statement waits for a lock held by another connection before SQLITE_BUSY */
    public Duration getBusyTimeout() {
        return busyTimeout;
    }

    /** @return whether {@code PRAGMA foreign_keys} is turned on for every connection */
    public boolean isForeignKeys() {
        return foreignKeys;
    }

    /** @return whether connections are opened read-only */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** @return how transactions are begun */
    public TransactionMode getTransactionMode() {
        return transactionMode;
    }

    /**
     * @return whether JDBC work runs on the thread that asked for it when that thread may block (see
     *     {@link Builder#callerRuns(boolean)})
     */
    public boolean isCallerRuns() {
        return callerRuns;
    }

    /** @return the scheduler that runs all blocking JDBC calls */
    public Scheduler getScheduler() {
        return scheduler;
    }

    /** @return how many prepared statements each connection keeps for reuse (0: none) */
    public int getStatementCacheSize() {
        return statementCacheSize;
    }

    /**
     * @return how many connections the factory's own pool keeps (0: none, every {@code create()} opens a
     *     connection; see {@link Builder#poolSize(int)})
     */
    public int getPoolSize() {
        return poolSize;
    }

    /** @return whether the database lives in memory only */
    public boolean isInMemory() {
        String lower = database.toLowerCase(Locale.ROOT);
        return lower.equals(":memory:") || lower.startsWith("file::memory:") || lower.contains("mode=memory");
    }

    String jdbcUrl() {
        return "jdbc:sqlite:" + database;
    }

    @Override
    public String toString() {
        return "SqliteConnectionConfiguration{database='" + database + "', journalMode=" + journalMode
            + ", busyTimeout=" + busyTimeout + ", foreignKeys=" + foreignKeys + ", readOnly=" + readOnly
            + ", transactionMode=" + transactionMode + ", statementCacheSize=" + statementCacheSize
            + ", callerRuns=" + callerRuns + ", poolSize=" + poolSize + '}';
    }

    /** Builder of {@link SqliteConnectionConfiguration}. Not thread-safe. */
    public static final class Builder {

        private String database;
        private String journalMode;
        private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
        private boolean foreignKeys = true;
        private boolean readOnly;
        private TransactionMode transactionMode = TransactionMode.IMMEDIATE;
        private Scheduler scheduler;
        private int statementCacheSize = DEFAULT_STATEMENT_CACHE_SIZE;
        private boolean callerRuns;
        private int poolSize;

        private Builder() {
        }

        /**
         * Pools connections in the factory itself: {@code create()} borrows one of at most {@code poolSize}
         * connections (opening one when none is idle and fewer are open, waiting for one otherwise) and the
         * connection's {@code close()} gives it back, after rolling back a transaction left open and closing
         * results left unconsumed. A borrow from an idle connection takes no scheduling and no validation (an
         * in-process database has no network that could have dropped it; a connection closed meanwhile is
         * replaced). Use it instead of r2dbc-pool, and build Sluice with {@code pooled(false)} on such a
         * factory; {@link SqliteConnectionFactory#close()} closes the pool. The lock wait timeout and isolation
         * level set on a borrowed connection stay with it, as with any pool; auto-commit is turned back on and
         * the statement timeout cleared. Default 0: no pool.
         *
         * @param poolSize the most connections open at once, 0 for no pool
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 0) {
                throw new IllegalArgumentException("pool size must not be negative: " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * Runs a connection's JDBC work on the thread that subscribed or requested, instead of hopping to
         * the scheduler, when that thread may block: a thread that is not a Reactor non-blocking thread
         * ({@code Schedulers.isInNonBlockingThread()} is false), such as a {@code boundedElastic} worker, a
         * virtual thread or a main thread calling {@code block()}. Work asked for from a Reactor
         * non-blocking thread (an event loop, {@code parallel}) still goes to the scheduler, and a
         * connection's calls stay one at a time and in order either way. Saves the thread hop that bounds a
         * point read (default {@code false}: turn it on only when no event loop of another framework, which
         * Reactor cannot recognise, subscribes).
         *
         * @param callerRuns whether a thread that may block runs the work itself
         * @return this builder
         */
        public Builder callerRuns(boolean callerRuns) {
            this.callerRuns = callerRuns;
            return this;
        }

        /**
         * Sets the database: a file path, {@code :memory:} or a SQLite URI filename ({@code file:...}).
         *
         * @param database the database
         * @return this builder
         */
        public Builder database(String database) {
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("database must not be empty");
            }
            this.database = database;
            return this;
        }

        /**
         * Uses a private in-memory database: each connection gets its own, empty database.
         *
         * @return this builder
         */
        public Builder inMemory() {
            return database(":memory:");
        }

        /**
         * Uses a named in-memory database shared by all connections of this process
         * ({@code file:NAME?mode=memory&cache=shared}). It disappears when its last connection closes.
         *
         * @param name the database name
         * @return this builder
         */
        public Builder sharedInMemory(String name) {
            if (name == null || name.isBlank() || name.contains("?")) {
                throw new IllegalArgumentException("invalid shared in-memory database name: " + name);
            }
            return database("file:" + name + "?mode=memory&cache=shared");
        }

        /**
         * Sets {@code PRAGMA journal_mode} for every new connection (DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF).
         *
         * @param journalMode the journal mode, or {@code null} for the default
         * @return this builder
         */
        public Builder journalMode(String journalMode) {
            if (journalMode != null && !JOURNAL_MODE.matcher(journalMode).matches()) {
                throw new IllegalArgumentException("unknown journal mode: " + journalMode);
            }
            this.journalMode = journalMode == null ? null : journalMode.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * Sets the busy timeout ({@code sqlite3_busy_timeout}).
         *
         * @param busyTimeout the timeout, zero to fail at once
         * @return this builder
         */
        public Builder busyTimeout(Duration busyTimeout) {
            if (busyTimeout == null || busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("invalid busy timeout: " + busyTimeout);
            }
            this.busyTimeout = busyTimeout;
            return this;
        }

        /**
         * Sets whether foreign key constraints are enforced ({@code PRAGMA foreign_keys}).
         *
         * @param foreignKeys {@code true} to enforce (the default)
         * @return this builder
         */
        public Builder foreignKeys(boolean foreignKeys) {
            this.foreignKeys = foreignKeys;
            return this;
        }

        /**
         * Opens connections read-only ({@code SQLITE_OPEN_READONLY}).
         *
         * @param readOnly {@code true} for read-only connections
         * @return this builder
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Sets how transactions begin.
         *
         * @param transactionMode the mode, {@link TransactionMode#IMMEDIATE} by default
         * @return this builder
         */
        public Builder transactionMode(TransactionMode transactionMode) {
            this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode");
            return this;
        }

        /**
         * Sets the scheduler on which blocking JDBC calls run.
         *
         * @param scheduler the scheduler, {@code null} for {@link Schedulers#boundedElastic()}
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /**
         * Sets how many prepared statements each connection keeps for reuse, by SQL text, the least recently used
         * closed first. Queries and data changes are kept; DDL, {@code PRAGMA} and transaction statements are not.
         * A statement is prepared afresh after any DDL or {@code PRAGMA} run through a connection of the same
         * factory, so the row metadata kept with it stays current; a change of the columns of a table by another
         * process is noticed by their names, one of only their declared types is not (use 0 if that can happen).
         *
         * @param statementCacheSize the number of statements, 0 to prepare every statement afresh
         * @return this builder
         */
        public Builder statementCacheSize(int statementCacheSize) {
            if (statementCacheSize < 0) {
                throw new IllegalArgumentException("statement cache size must not be negative: " + statementCacheSize);
            }
            this.statementCacheSize = statementCacheSize;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws NullPointerException if no database was set
         */
        public SqliteConnectionConfiguration build() {
            return new SqliteConnectionConfiguration(this);
        }
    }
}
