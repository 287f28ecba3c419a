package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens {@link VertxPostgresConnection}s, each one Vert.x {@link PgConnection}. The factory owns one {@link Vertx}
 * (its event loops run every connection's I/O), created on the first connection and stopped by {@link #close()}.
 *
 * <p>With a {@link VertxPostgresConfiguration#poolSize() pool size} ({@code ?poolSize=8} in the URL) connections
 * come from Vert.x's own pool: {@code create()} borrows one and its {@code close()} gives it back (after a
 * {@code ROLLBACK} if a transaction is open), without a second pool such as r2dbc-pool around it; build Sluice on
 * such a factory with {@code pooled(false)}. The statement and lock timeouts are then set when a connection is
 * opened (as startup parameters), and a setting changed on a borrowed connection stays with it, as with any pool.
 *
 * <pre>{@code
 * ConnectionFactory f = ConnectionFactories.get("r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/app");
 * }</pre>
 */
public final class VertxPostgresConnectionFactory implements ConnectionFactory, Closeable {

    private final VertxPostgresConfiguration configuration;
    private final PgConnectOptions options;
    private final TypedSql typed = new TypedSql();
    private final Metadatas metadatas = new Metadatas();
    private final CancelRequests cancels;
    private final PooledStatements pooledStatements;
    private final Object lock = new Object();
    private Vertx vertx;
    private Pool pool;
    private boolean closed;

    /** A factory for this configuration. */
    public VertxPostgresConnectionFactory(VertxPostgresConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.options = connectOptions(configuration);
        this.cancels = new CancelRequests(this::vertx, configuration.host(), configuration.port());
        this.pooledStatements = new PooledStatements(configuration.statementCacheSize());
    }

    private static PgConnectOptions connectOptions(VertxPostgresConfiguration c) {
        PgConnectOptions o = new PgConnectOptions()
            .setHost(c.host())
            .setPort(c.port())
            .setUser(c.user())
            .setDatabase(c.database())
            .setCachePreparedStatements(c.statementCacheSize() > 0)
            .setPreparedStatementCacheMaxSize(Math.max(1, c.statementCacheSize()));
        if (c.password() != null) {
            o.setPassword(c.password());
        }
        if (c.applicationName() != null) {
            o.addProperty("application_name", c.applicationName());
        }
        if (c.poolSize() > 0) {
            // a pooled connection is set up once, when it is opened, not each time it is borrowed
            if (c.statementTimeout() != null) {
                o.addProperty("statement_timeout", Long.toString(Transactions.millis(c.statementTimeout())));
            }
            if (c.lockWaitTimeout() != null) {
                o.addProperty("lock_timeout", Long.toString(Transactions.millis(c.lockWaitTimeout())));
            }
        }
        return o;
    }

    @Override
    public Publisher<VertxPostgresConnection> create() {
        boolean pooled = configuration.poolSize() > 0;
        Mono<PgConnection> connect = pooled
            ? Mono.defer(this::borrow)
            : Mono.defer(() -> Futures.mono(PgConnection.connect(vertx(), options), null));
        if (configuration.connectTimeout() != null) {
            connect = connect.timeout(configuration.connectTimeout(), Mono.error(() -> new Errors.Lost(
                "No connection to " + configuration.host() + ":" + configuration.port() + " within "
                    + configuration.connectTimeout(), null, null)));
        }
        if (pooled) {
            return connect.map(pg -> (VertxPostgresConnection) new VxConnection(pg, configuration, typed, metadatas, true,
                cancels, pooledStatements.of(pg)));
        }
        return connect
            .flatMap(pg -> {
                VxConnection c = new VxConnection(pg, configuration, typed, metadatas, false, cancels,
                    new StatementCache(configuration.statementCacheSize()));
                return c.initialise().thenReturn((VertxPostgresConnection) c)
                    .onErrorResume(e -> Futures.mono(pg.close(), null).onErrorResume(x -> Mono.empty()).then(Mono.error(e)));
            });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return () -> "PostgreSQL";
    }

    /** The configuration this factory connects with. */
    public VertxPostgresConfiguration configuration() {
        return configuration;
    }

    /** Closes the pool, if any, and stops this factory's Vert.x; its connections are closed with it. */
    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            Vertx v;
            Pool p;
            synchronized (lock) {
                closed = true;
                v = vertx;
                p = pool;
                vertx = null;
                pool = null;
            }
            Mono<Void> pools = p == null ? Mono.empty() : Futures.mono(p.close(), null).onErrorResume(e -> Mono.empty());
            return v == null ? pools : pools.then(Futures.mono(v.close(), null));
        });
    }

    /** A connection from the pool; one that arrives after the borrow was cancelled goes straight back. */
    private Mono<PgConnection> borrow() {
        Pool p = pool();
        return Mono.create(sink -> {
            AtomicInteger state = new AtomicInteger(); // 0 waiting, 1 handed over, 2 cancelled
            sink.onCancel(() -> state.compareAndSet(0, 2));
            p.getConnection().onComplete(ar -> {
                if (ar.failed()) {
                    sink.error(Errors.translate(ar.cause(), null));
                } else if (state.compareAndSet(0, 1)) {
                    sink.success(PgConnection.cast(ar.result()));
                } else {
                    ar.result().close();
                }
            });
        });
    }

    private Pool pool() {
        synchronized (lock) {
            if (pool == null) {
                pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(configuration.poolSize()))
                    .connectingTo(options).using(vertx()).build();
            }
            return pool;
        }
    }

    private Vertx vertx() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("This VertxPostgresConnectionFactory is closed");
            }
            if (vertx == null) {
                vertx = Vertx.vertx();
            }
            return vertx;
        }
    }
}
