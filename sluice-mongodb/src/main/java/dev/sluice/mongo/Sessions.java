package dev.sluice.mongo;

import com.mongodb.reactivestreams.client.ClientSession;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a driver call with the session of the transaction in the subscriber's Reactor
 * {@code Context} (under the store's key), or without one. Nothing runs before subscription, and
 * the driver's exceptions are mapped by {@link MongoErrors}.
 */
final class Sessions {
  private final Object key;

  Object key() { return key; }

  Sessions(Object key) {
    this.key = key;
  }

  <T> Flux<T> flux(String collection, String operation, Function<ClientSession, Publisher<T>> with,
      Supplier<Publisher<T>> without) {
    return Flux.deferContextual(ctx -> Flux.from(ctx.<ClientSession>getOrEmpty(key)
            .<Publisher<T>>map(with).orElseGet(without)))
        .onErrorMap(e -> MongoErrors.translate(e, collection, operation));
  }

  <T> Mono<T> mono(String collection, String operation, Function<ClientSession, Publisher<T>> with,
      Supplier<Publisher<T>> without) {
    return Mono.deferContextual(ctx -> Mono.from(ctx.<ClientSession>getOrEmpty(key)
            .<Publisher<T>>map(with).orElseGet(without)))
        .onErrorMap(e -> MongoErrors.translate(e, collection, operation));
  }
}
