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
     * Asks the server to cancel what this connection is running now; completes once the server has acted on the
     * request (it closes the cancel request's own connection after signalling the backend), so the request cannot
     * reach a statement sent after it completed. Nothing happens if the connection is idle by then.
     */
    Mono<Void> cancelRequest();
}
