package dev.sluice.internal;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ValidationDepth;
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

  /** How long a connection whose stream was cancelled has to answer a round trip. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(5);

  private Discard() {}

  /**
   * Gives back {@code c} after a stream on it was cancelled mid-way, once a round trip
   * ({@code validate(REMOTE)}) proved it answers; else closes it as {@link #close} does.
   *
   * <p>The driver ends a cancelled stream in the background (r2dbc-postgresql closes the portal,
   * r2dbc-mariadb reads the rest of the result). Given back at once, the connection could reach the
   * next statement while that clean-up was still under way, or had stalled: under clients that
   * reset their HTTP connections mid-stream, a statement on such a connection waited for ever, its
   * connection never returned. The round trip queues behind the clean-up, so a connection goes back
   * to the pool only once it answers again.
   */
  static Mono<Void> afterCancel(Connection c) {
    return afterCancel(c, SETTLE_TIMEOUT);
  }

  /** {@link #afterCancel(Connection)} with the time {@code c} has to answer. */
  static Mono<Void> afterCancel(Connection c, Duration settle) {
    return Mono.defer(() -> Mono.from(c.validate(ValidationDepth.REMOTE)))
        .timeout(settle)
        .onErrorReturn(false)
        .defaultIfEmpty(false)
        .flatMap(answers -> answers ? Mono.from(c.close()).onErrorResume(e -> Mono.empty()) : close(c));
  }

  /** Closes {@code c}'s physical connection (errors ignored), then releases {@code c}. */
  static Mono<Void> close(Connection c) {
    Mono<Void> physical = Mono.empty();
    if (c instanceof Wrapped<?> w && w.unwrap() instanceof Connection inner && inner != c) {
      physical = Mono.from(inner.close()).timeout(CLOSE_TIMEOUT).onErrorResume(e -> Mono.empty());
    }
    return physical.then(Mono.defer(() -> Mono.from(c.close()))).onErrorResume(e -> Mono.empty());
  }
}
