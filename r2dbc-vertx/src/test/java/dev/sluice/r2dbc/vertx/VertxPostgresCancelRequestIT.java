package dev.sluice.r2dbc.vertx;

import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cancelRequest()} completes once the server has acted on the request (it closes the cancel connection after
 * signalling the backend), so a cancel sent while nothing runs cannot reach the statement sent next: under a pool,
 * that statement is often another borrower's.
 */
class VertxPostgresCancelRequestIT {

    @Test
    void aCancelRequestSentWhileIdleDoesNotReachTheNextStatement() {
        VertxPostgresConnectionFactory f = TestDatabase.factory();
        VertxPostgresConnection c = Mono.from(f.create()).block();
        try {
            int cancelledLater = 0;
            for (int i = 0; i < 20; i++) {
                c.cancelRequest().block(Duration.ofSeconds(10));
                try {
                    Flux.from(c.createStatement("SELECT pg_sleep(0.05)").execute()).flatMap(Result::getRowsUpdated)
                        .blockLast(Duration.ofSeconds(10));
                } catch (io.r2dbc.spi.R2dbcTimeoutException e) {
                    assertThat(e.getSqlState()).isEqualTo("57014");
                    cancelledLater++;
                }
            }
            assertThat(cancelledLater).as("statements cancelled by a request sent before them, of 20").isZero();
        } finally {
            Mono.from(c.close()).block();
            f.close().block();
        }
    }
}
