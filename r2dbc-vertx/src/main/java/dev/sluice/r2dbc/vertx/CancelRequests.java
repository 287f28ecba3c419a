package dev.sluice.r2dbc.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * PostgreSQL's cancel request, sent on a connection of its own and done only once the server has closed that
 * connection, which it does after it signalled the backend. Vert.x's {@code PgConnection.cancelRequest()} is done as
 * soon as the request is written: the signal could then reach the backend after the caller went on, and cancel the
 * next statement run there (a cancel sent as a transaction timed out while idle, then a {@code ROLLBACK}, and under
 * a pool the next borrower's statement).
 */
final class CancelRequests {
    private static final int CANCEL_REQUEST_CODE = 80877102;
    /** How long the server has to close the cancel connection once the request is written. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Supplier<Vertx> vertx;
    private final String host;
    private final int port;

    CancelRequests(Supplier<Vertx> vertx, String host, int port) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
    }

    /** Asks the server to cancel what backend {@code processId} runs; completes once the server has acted on it. */
    Mono<Void> send(int processId, int secretKey) {
        Buffer request = Buffer.buffer(16).appendInt(16).appendInt(CANCEL_REQUEST_CODE).appendInt(processId)
            .appendInt(secretKey);
        return Mono.<Void>create(sink -> {
            NetClient client = vertx.get().createNetClient(new NetClientOptions()
                .setConnectTimeout((int) WAIT.toMillis()));
            AtomicBoolean ended = new AtomicBoolean();
            client.connect(port, host).onComplete(ar -> {
                if (ar.failed()) {
                    client.close();
                    sink.error(Errors.translate(ar.cause(), null));
                    return;
                }
                NetSocket socket = ar.result();
                socket.handler(data -> { }); // the server answers nothing; it closes the connection
                socket.exceptionHandler(e -> { }); // the close follows
                socket.closeHandler(v -> {
                    client.close();
                    if (ended.compareAndSet(false, true)) {
                        sink.success();
                    }
                });
                socket.write(request).onFailure(e -> {
                    if (ended.compareAndSet(false, true)) {
                        sink.error(Errors.translate(e, null));
                    }
                    socket.close();
                });
            });
        }).timeout(WAIT.multipliedBy(2), Mono.error(() -> new Errors.Lost(
            "The server did not close the cancel request's connection to " + host + ":" + port + " within "
                + WAIT.multipliedBy(2), null, null)));
    }
}
