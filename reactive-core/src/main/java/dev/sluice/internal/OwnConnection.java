package dev.sluice.internal;

import io.r2dbc.spi.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work on a connection of its own (the primary's pool or a replica's), given back when the work
 * ends. A cancel before the work delivered anything discards the connection ({@link Discard}): the
 * driver may still be waiting for the statement's first response, and the next statement on it
 * would hang. A cancel mid-stream gives it back only once a round trip proved that it answers
 * ({@link Discard#afterCancel}). The acquire itself is never cancelled ({@link Handover}): a connection that arrives
 * after its subscriber left is given back at once.
 */
final class OwnConnection {
  private OwnConnection() {}

  static <T> Flux<T> run(Mono<Connection> acquire, Function<Connection, Publisher<T>> fn) {
    return Flux.defer(() -> {
      AtomicBoolean delivered = new AtomicBoolean();
      return Handover.usingWhen(acquire,
          c -> Flux.from(fn.apply(c)).doOnNext(x -> delivered.lazySet(true)), Connection::close,
          (c, err) -> Connections.quietClose(c, err),
          c -> delivered.get() ? Discard.afterCancel(c) : Discard.close(c),
          c -> Connections.quietClose(c, null));
    });
  }
}
