package dev.sluice.r2dbc.vertx;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link VertxPostgresConnectionFactory} connects to and how. Immutable; made by {@link #builder()}.
 *
 * <pre>{@code
 * VertxPostgresConfiguration c = VertxPostgresConfiguration.builder()
 *     .host("127.0.0.1").port(5432).user("postgres").database("app").fetchSize(256).build();
 * }</pre>
 */
public final class VertxPostgresConfiguration {
    /** Rows read per cursor fetch when the subscriber asks for all of them: {@value}. */
    public static final int DEFAULT_FETCH_SIZE = 256;
    /** Prepared statements kept per connection: {@value}. */
    public static final int DEFAULT_STATEMENT_CACHE_SIZE = 256;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;
    private final Duration connectTimeout;
    private final Duration statementTimeout;
    private final Duration lockWaitTimeout;
    private final int fetchSize;
    private final int statementCacheSize;
    private final String applicationName;
    private final int poolSize;

    private VertxPostgresConfiguration(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.user = Objects.requireNonNull(b.user, "user");
        this.password = b.password;
        this.database = b.database == null ? b.user : b.database;
        this.connectTimeout = b.connectTimeout;
        this.statementTimeout = b.statementTimeout;
        this.lockWaitTimeout = b.lockWaitTimeout;
        this.fetchSize = b.fetchSize;
        this.statementCacheSize = b.statementCacheSize;
        this.applicationName = b.applicationName;
        this.poolSize = b.poolSize;
    }

    /** A builder with the defaults: {@code localhost:5432}, no password, the user's database. */
    public static Builder builder() {
        return new Builder();
    }

    /** The server's host name or address. */
    public String host() { return host; }

    /** The server's port. */
    public int port() { return port; }

    /** The user to log in as. */
    public String user() { return user; }

    /** The password, or {@code null}. */
    public String password() { return password; }

    /** The database (default: the user's name). */
    public String database() { return database; }

    /** How long to wait for a connection, or {@code null} for Vert.x's default. */
    public Duration connectTimeout() { return connectTimeout; }

    /** The {@code statement_timeout} every new connection sets, or {@code null} for the server's. */
    public Duration statementTimeout() { return statementTimeout; }

    /** The {@code lock_timeout} every new connection sets, or {@code null} for the server's. */
    public Duration lockWaitTimeout() { return lockWaitTimeout; }

    /** Rows per cursor fetch when the demand is unbounded (a statement's own fetch size wins). */
    public int fetchSize() { return fetchSize; }

    /** How many prepared statements each connection keeps (0: none). */
    public int statementCacheSize() { return statementCacheSize; }

    /** The {@code application_name} reported to the server, or {@code null}. */
    public String applicationName() { return applicationName; }

    /**
     * Connections pooled by Vert.x's own pool, at most this many (0: none, each {@code create()} opens a connection
     * and {@code close()} closes it). See {@link VertxPostgresConnectionFactory}.
     */
    public int poolSize() { return poolSize; }

    /** Builds a {@link VertxPostgresConfiguration}. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 5432;
        private String user;
        private String password;
        private String database;
        private Duration connectTimeout;
        private Duration statementTimeout;
        private Duration lockWaitTimeout;
        private int fetchSize = DEFAULT_FETCH_SIZE;
        private int statementCacheSize = DEFAULT_STATEMENT_CACHE_SIZE;
        private String applicationName;
        private int poolSize;

        private Builder() {
        }

        /** The server's host. */
        public Builder host(String host) { this.host = Objects.requireNonNull(host, "host"); return this; }

        /** The server's port (1..65535). */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The user (required). */
        public Builder user(String user) { this.user = Objects.requireNonNull(user, "user"); return this; }

        /** The password. */
        public Builder password(CharSequence password) {
            this.password = password == null ? null : password.toString();
            return this;
        }

        /** The database. */
        public Builder database(String database) { this.database = database; return this; }

        /** The connect timeout. */
        public Builder connectTimeout(Duration timeout) { this.connectTimeout = positive(timeout, "connectTimeout"); return this; }

        /** The {@code statement_timeout} of new connections. */
        public Builder statementTimeout(Duration timeout) { this.statementTimeout = positive(timeout, "statementTimeout"); return this; }

        /** The {@code lock_timeout} of new connections. */
        public Builder lockWaitTimeout(Duration timeout) { this.lockWaitTimeout = positive(timeout, "lockWaitTimeout"); return this; }

        /** Rows per cursor fetch when the demand is unbounded (at least 1). */
        public Builder fetchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("fetchSize must be at least 1, was " + rows);
            }
            this.fetchSize = rows;
            return this;
        }

        /** Prepared statements kept per connection (0: none). */
        public Builder statementCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("statementCacheSize must not be negative, was " + size);
            }
            this.statementCacheSize = size;
            return this;
        }

        /** Connections pooled by Vert.x's pool, at most {@code size} (0, the default: no pool). */
        public Builder poolSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("poolSize must not be negative, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** The {@code application_name}. */
        public Builder applicationName(String name) { this.applicationName = name; return this; }

        /** The configuration. */
        public VertxPostgresConfiguration build() {
            return new VertxPostgresConfiguration(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
