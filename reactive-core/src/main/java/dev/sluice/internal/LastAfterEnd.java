package dev.sluice.internal;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transaction's values with the last one held back until the transaction ended. Each value is
 * delivered when the next arrives, the last one on completion, which {@code usingWhen} signals
 * only after the commit (or the release of a savepoint). So the outcome of a transaction depends on
 * the signals of its body, not on its runtime type: a subscriber that takes the values it wants
 * and cancels (as {@code .next()} or {@code blockFirst()} do) cancels a transaction only while the
 * body still runs, the same for a {@code Mono} body as for a {@code Flux} of one value. A failed
 * transaction's last value is not delivered: it was never committed.
 */
final class LastAfterEnd {
  private LastAfterEnd() {}

  static <T> Flux<T> of(Flux<T> transaction) {
    return Flux.defer(() -> {
      AtomicReference<T> held = new AtomicReference<>();
      return transaction.<T>handle((value, sink) -> {
        T previous = held.getAndSet(value);
        if (previous != null) {
          sink.next(previous);
        }
      }).concatWith(Mono.fromSupplier(() -> held.getAndSet(null)));
    });
  }
}
