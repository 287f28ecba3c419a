package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * Opens {@link VertxPostgresConnection}s, each one Vert.x {@link PgConnection}. The factory owns one {@link Vertx}
 * (its event loops run every connection's I/O), created on the first connection and stopped by {@link #close()}.
 *
 * <pre>{@code
 * ConnectionFactory f = ConnectionFactories.get("r2dbc:vertx-postgresql://postgres@127.0.0.1:5432/app");
 * }</pre>
 */
public final class VertxPostgresConnectionFactory implements ConnectionFactory, Closeable {

    private final VertxPostgresConfiguration configuration;
    private final PgConnectOptions options;
    private final Object lock = new Object();
    private Vertx vertx;
    private boolean closed;

    /** A factory for this configuration. */
    public VertxPostgresConnectionFactory(VertxPostgresConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.options = connectOptions(configuration);
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
        return o;
    }

    @Override
    public Publisher<VertxPostgresConnection> create() {
        Mono<PgConnection> connect = Mono.defer(() -> Futures.mono(PgConnection.connect(vertx(), options), null));
        if (configuration.connectTimeout() != null) {
            connect = connect.timeout(configuration.connectTimeout(), Mono.error(() -> new Errors.Lost(
                "No connection to " + configuration.host() + ":" + configuration.port() + " within "
                    + configuration.connectTimeout(), null, null)));
        }
        return connect
            .flatMap(pg -> {
                VxConnection c = new VxConnection(pg, configuration);
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

    /** Stops this factory's Vert.x; its connections are closed with it. */
    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            Vertx v;
            synchronized (lock) {
                closed = true;
                v = vertx;
                vertx = null;
            }
            return v == null ? Mono.empty() : Futures.mono(v.close(), null);
        });
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
