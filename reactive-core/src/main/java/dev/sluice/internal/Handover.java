package dev.sluice.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Flux.usingWhen} for a resource that must not be lost while it is being opened: a pooled
 * connection, or a connection with its transaction begun.
 *
 * <p>With plain {@code usingWhen}, a cancel that arrives while the resource is being opened is
 * passed on to the opening: to the pool's acquire, or to the BEGIN in flight. Neither can be
 * cancelled safely at every instant. A cancel that races with r2dbc-pool handing a connection
 * over can release that connection to the pool while {@code usingWhen} also receives it, so it is
 * given back twice and later used by two statements at once (the pool's "Too many permits
 * returned", and a statement that never ends); a cancel during BEGIN drops a connection that was
 * already acquired. Clients that reset their HTTP connections mid-request left connections acquired
 * for good this way.
 *
 * <p>Here the opening is never cancelled: it runs to its end, and exactly one party owns the
 * resource it yields. If {@code usingWhen} took it (its resource closure ran), {@code usingWhen}
 * cleans it up as usual. If the subscriber had already left, it is cleaned up as soon as
 * it arrives ({@code unused}). A cancelled subscriber may so hold a pool slot a little longer (until its pending
 * acquire is served), never for good.
 */
final class Handover {
  private static final int OPENING = 0;
  private static final int TAKEN = 1;
  private static final int LEFT = 2;

  private Handover() {}

  /**
   * {@code Flux.usingWhen(open, work, onComplete, onError, onCancel)}, but {@code open} is not
   * cancelled by a cancel of the result, and a resource nobody took is cleaned up by
   * {@code unused} (for a connection: given back, as nothing was sent on it).
   */
  static <R, T> Flux<T> usingWhen(Mono<R> open, Function<? super R, ? extends Publisher<T>> work,
      Function<? super R, ? extends Publisher<?>> onComplete,
      BiFunction<? super R, ? super Throwable, ? extends Publisher<?>> onError,
      Function<? super R, ? extends Publisher<?>> onCancel,
      Function<? super R, ? extends Publisher<?>> unused) {
    return Flux.defer(() -> {
      AtomicInteger state = new AtomicInteger(OPENING);
      Mono<R> opened = Mono.create(sink -> open.contextWrite(sink.contextView()).subscribe(
          resource -> {
            // usingWhen asks for its resource before this callback runs, so success() reaches its
            // closure on this thread, now, unless the subscriber has left
            sink.success(resource);
            if (state.compareAndSet(OPENING, LEFT)) {
              Flux.from(unused.apply(resource)).subscribe(x -> { }, e -> { });
            }
          },
          e -> {
            if (state.compareAndSet(OPENING, LEFT)) {
              sink.error(e);
            }
          },
          () -> {
            if (state.compareAndSet(OPENING, LEFT)) {
              sink.success();  // opened nothing (after a resource, the state is no longer OPENING)
            }
          }));
      return Flux.usingWhen(opened,
          r -> state.compareAndSet(OPENING, TAKEN) ? work.apply(r) : Flux.empty(),
          r -> state.get() == TAKEN ? onComplete.apply(r) : Mono.empty(),
          (r, e) -> state.get() == TAKEN ? onError.apply(r, e) : Mono.empty(),
          r -> state.get() == TAKEN ? onCancel.apply(r) : Mono.empty());
    });
  }
}
