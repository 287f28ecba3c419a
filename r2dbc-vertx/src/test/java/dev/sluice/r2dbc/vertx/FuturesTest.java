package dev.sluice.r2dbc.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/** Vert.x futures as Monos: started on subscription, values only on demand, nothing after a cancel. */
class FuturesTest {
    @Test
    void theFutureIsStartedOnlyWhenSubscribedAndEachTime() {
        AtomicInteger started = new AtomicInteger();
        Mono<String> m = Futures.deferred(() -> {
            started.incrementAndGet();
            return Future.succeededFuture("v");
        }, null);
        assertThat(started).hasValue(0);
        assertThat(m.block(Duration.ofSeconds(1))).isEqualTo("v");
        assertThat(m.block(Duration.ofSeconds(1))).isEqualTo("v");
        assertThat(started).hasValue(2);
    }

    @Test
    void aValueThatComesFirstWaitsForDemand() {
        List<String> got = new ArrayList<>();
        BaseSubscriber<String> s = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                // no request yet
            }

            @Override
            protected void hookOnNext(String value) {
                got.add(value);
            }
        };
        Futures.mono(Future.succeededFuture("v"), null).subscribe(s);
        assertThat(got).isEmpty();
        s.request(1);
        assertThat(got).containsExactly("v");
    }

    @Test
    void aNullResultCompletesEmptyAndAFailureIsAnR2dbcError() {
        assertThat(Futures.<String>mono(Future.succeededFuture(), null).blockOptional()).isEmpty();
        Throwable e = Futures.mono(Future.failedFuture(new io.vertx.pgclient.PgException("boom", "ERROR", "42601",
            "detail")), "SELECT x").onErrorResume(x -> Mono.just(x)).cast(Throwable.class).block();
        assertThat(e).isInstanceOf(R2dbcException.class).hasMessageContaining("boom");
        assertThat(((R2dbcException) e).getSqlState()).isEqualTo("42601");
    }

    @Test
    void nothingArrivesAfterACancel() {
        Promise<String> p = Promise.promise();
        List<Object> got = new ArrayList<>();
        var d = Futures.mono(p.future(), null).subscribe(got::add, got::add, () -> got.add("complete"));
        d.dispose();
        p.complete("late");
        assertThat(got).isEmpty();
    }
}
