package dev.sluice.redis;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs commands pipelined: all subscribed at once, so they are written back to back, replies in order. */
final class Pipeline {
  private static final int MAX_IN_FLIGHT = 1024;

  private Pipeline() {}

  static <T> Flux<T> run(List<? extends Mono<? extends T>> commands) {
    if (commands.isEmpty()) {
      return Flux.empty();
    }
    int inFlight = Math.min(commands.size(), MAX_IN_FLIGHT);
    return Flux.mergeSequential(Flux.fromIterable(commands), inFlight, 1);
  }
}
