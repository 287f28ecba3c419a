package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

/**
 * A connection of this driver: an R2DBC {@link Connection} that can also ask the server to cancel the statement it
 * is running, with PostgreSQL's cancel request (sent on a new socket, as the protocol wants).
 *
 * <pre>{@code
 * VertxPostgresConnection c = ...;
 * Flux.from(c.createStatement("SELECT pg_sleep(60)").execute()).subscribe();
 * c.cancelRequest().block();   // the statement fails with SQLSTATE 57014
 * }</pre>
 */
public interface VertxPostgresConnection extends Connection {
    /**
     * Asks the server to cancel what this connection is running now; completes when the request was sent. Nothing
     * happens if it is idle by the time the server reads the request.
     */
    Mono<Void> cancelRequest();
}
