package dev.sluice.r2dbc.vertx;

import io.vertx.core.Future;
import reactor.core.publisher.Mono;

/** Vert.x futures as Reactor publishers, with errors translated to R2DBC's. */
final class Futures {
    private Futures() {
    }

    /** The future's outcome; a {@code null} result completes empty. {@code sql} names the statement in errors. */
    static <T> Mono<T> mono(Future<T> future, String sql) {
        return Mono.create(sink -> future.onComplete(ar -> {
            if (ar.succeeded()) {
                sink.success(ar.result());
            } else {
                sink.error(Errors.translate(ar.cause(), sql));
            }
        }));
    }
}
