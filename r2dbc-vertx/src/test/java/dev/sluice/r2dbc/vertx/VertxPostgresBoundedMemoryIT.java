package dev.sluice.r2dbc.vertx;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One million rows of 100 characters each (about 200 MB as Java strings) streamed outside a transaction in a JVM
 * of {@code -Xmx64m} (the pom's {@code bounded-memory} execution): only the fetches the demand asks for are held.
 */
class VertxPostgresBoundedMemoryIT {

    @Test
    void streamsAMillionRowsWithBoundedMemory() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L * 1024 * 1024);
        VertxPostgresConnectionFactory factory = TestDatabase.factory();
        VertxPostgresConnection c = Mono.from(factory.create()).block();
        try {
            long[] seen = new long[2];
            Flux.from(c.createStatement("SELECT i, repeat('x', 100) FROM generate_series(1, $1) i")
                    .bind(0, 1_000_000).execute())
                .flatMap(r -> r.map((row, md) -> row.get(1, String.class).length() + row.get(0, Long.class)))
                .doOnNext(v -> {
                    seen[0]++;
                    seen[1] += v;
                })
                .blockLast();
            assertThat(seen[0]).isEqualTo(1_000_000);
            assertThat(seen[1]).isEqualTo(100L * 1_000_000 + 1_000_000L * 1_000_001 / 2);
            assertThat(c.isAutoCommit()).isTrue();
        } finally {
            Mono.from(c.close()).block();
            factory.close().block();
        }
    }
}
