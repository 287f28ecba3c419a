package dev.sluice.r2dbc.vertx;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.function.Supplier;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/** Vert.x futures as Reactor publishers, with errors translated to R2DBC's. */
final class Futures {
    private Futures() {
    }

    /** The future's outcome; a {@code null} result completes empty. {@code sql} names the statement in errors. */
    static <T> Mono<T> mono(Future<T> future, String sql) {
        return new Deferred<>(() -> future, sql);
    }

    /**
     * The outcome of the future {@code start} makes when the result is subscribed (not before), as {@link #mono}
     * gives it: one operator, where {@code Mono.defer} around {@code Mono.create} would be three.
     */
    static <T> Mono<T> deferred(Supplier<Future<T>> start, String sql) {
        return new Deferred<>(start, sql);
    }

    private static final class Deferred<T> extends Mono<T> {
        private final Supplier<Future<T>> start;
        private final String sql;

        Deferred(Supplier<Future<T>> start, String sql) {
            this.start = start;
            this.sql = sql;
        }

        @Override
        public void subscribe(CoreSubscriber<? super T> actual) {
            Future<T> future;
            try {
                future = start.get();
            } catch (Throwable e) {
                Operators.error(actual, e);  // thrown, not failed: as Mono.defer would pass it on
                return;
            }
            Outcome<T> outcome = new Outcome<>(actual, sql);
            actual.onSubscribe(outcome);
            future.onComplete(outcome);
        }
    }

    /** Hands the future's value on once it is asked for (the base class keeps a value that comes first). */
    private static final class Outcome<T> extends Operators.MonoSubscriber<T, T> implements Handler<AsyncResult<T>> {
        private final String sql;

        Outcome(CoreSubscriber<? super T> actual, String sql) {
            super(actual);
            this.sql = sql;
        }

        @Override
        public void handle(AsyncResult<T> ar) {
            if (isCancelled()) {
                return;
            }
            if (ar.failed()) {
                actual.onError(Errors.translate(ar.cause(), sql));
            } else if (ar.result() == null) {
                actual.onComplete();
            } else {
                complete(ar.result());
            }
        }
    }
}
