package dev.sluice.examples.service;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends a streamed response that, after a row, delivers nothing more for
 * {@code service.stream.stall-timeout} (default 30 s): its query is cancelled and its connection goes
 * back to the pool.
 *
 * <p>Why a service needs it: a client that resets its connection while its stream waits is not
 * always seen by the HTTP layer. Under many clients that reset mid-stream ({@code AbruptCloseIT}),
 * WebFlux on Reactor Netty asked a stream for its first row, got it, and then neither asked for
 * more nor cancelled, on Sluice's route and on {@code DatabaseClient}'s alike; each such stream held
 * a connection until the application stopped. The database layer cannot tell such a subscriber
 * from a slow one, so the bound belongs to the service. It also drops a client that stops reading
 * for that long, which a service usually wants anyway.
 */
@Component
public class StallTimeout {
  private final Duration limit;

  public StallTimeout(@Value("${service.stream.stall-timeout:30s}") Duration limit) {
    this.limit = limit;
  }

  /**
   * {@code rows}, failing with a {@code TimeoutException} (and cancelled) when {@code limit} passes
   * after a row without the next one. The wait for the first row is not bounded here: it includes
   * the wait for a pooled connection, which the pool's acquire timeout bounds, and under load it can
   * be long without anything being stuck.
   */
  public <T> Flux<T> applyTo(Flux<T> rows) {
    Mono<Long> gap = Mono.delay(limit);
    return rows.timeout(Mono.never(), row -> gap);
  }
}
