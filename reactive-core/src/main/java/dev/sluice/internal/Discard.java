package dev.sluice.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Closes the physical connection under a pooled one before giving the pooled one back, so the
 * pool's validation finds it closed and replaces it; used when the connection's state is unknown.
 *
 * <p>A statement cancelled before its driver answered (r2dbc-postgresql: before the first result
 * arrived) can leave the driver waiting for a response nobody reads, and the next statement on
 * that connection hangs. Such a connection is not worth keeping: closing it costs one new
 * connection, keeping it costs a stuck caller.
 */
final class Discard {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private Discard() {}

  /** Closes {@code c}'s physical connection (errors ignored), then releases {@code c}. */
  static Mono<Void> close(Connection c) {
    Mono<Void> physical = Mono.empty();
    if (c instanceof Wrapped<?> w && w.unwrap() instanceof Connection inner && inner != c) {
      physical = Mono.from(inner.close()).timeout(CLOSE_TIMEOUT).onErrorResume(e -> Mono.empty());
    }
    return physical.then(Mono.defer(() -> Mono.from(c.close()))).onErrorResume(e -> Mono.empty());
  }
}
