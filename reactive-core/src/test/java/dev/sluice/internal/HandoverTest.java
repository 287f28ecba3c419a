package dev.sluice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.util.RaceTestUtils;

/**
 * The opening of a resource (a pool's acquire, a BEGIN) is never cancelled, and each resource it
 * yields is cleaned up exactly once, by {@code usingWhen}'s clean-ups if the work took it, else by
 * {@code unused}, whatever the timing of the subscriber's cancel.
 */
class HandoverTest {

  /** A resource that counts how it was cleaned up. */
  static final class Res {
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();
    final AtomicInteger unused = new AtomicInteger();
    final AtomicBoolean worked = new AtomicBoolean();

    int cleanups() {
      return completed.get() + failed.get() + cancelled.get() + unused.get();
    }
  }

  static Flux<String> using(Mono<Res> open, Flux<String> work) {
    return Handover.usingWhen(open,
        r -> {
          r.worked.set(true);
          return work;
        },
        r -> Mono.fromRunnable(r.completed::incrementAndGet),
        (r, e) -> Mono.fromRunnable(r.failed::incrementAndGet),
        r -> Mono.fromRunnable(r.cancelled::incrementAndGet),
        r -> Mono.fromRunnable(r.unused::incrementAndGet));
  }

  @Test
  void aResourceThatArrivesAfterItsSubscriberLeftIsCleanedUpAsUnusedAndTheOpeningIsNotCancelled() {
    Sinks.One<Res> opening = Sinks.one();
    AtomicBoolean openingCancelled = new AtomicBoolean();
    Disposable d = using(opening.asMono().doOnCancel(() -> openingCancelled.set(true)), Flux.just("x"))
        .subscribe();
    d.dispose();
    assertThat(opening.currentSubscriberCount()).as("the opening is still subscribed after the cancel").isEqualTo(1);

    Res r = new Res();
    assertThat(opening.tryEmitValue(r)).isEqualTo(Sinks.EmitResult.OK);

    assertThat(openingCancelled).isFalse();
    assertThat(r.worked).as("no work on a resource whose subscriber left").isFalse();
    assertThat(r.unused.get()).isEqualTo(1);
    assertThat(r.cleanups()).isEqualTo(1);
  }

  @Test
  void workThatCompletesIsCleanedUpOnceByOnComplete() {
    Res r = new Res();
    StepVerifier.create(using(Mono.just(r), Flux.just("a", "b"))).expectNext("a", "b").verifyComplete();
    assertThat(r.completed.get()).isEqualTo(1);
    assertThat(r.cleanups()).isEqualTo(1);
  }

  @Test
  void workThatFailsIsCleanedUpOnceByOnError() {
    Res r = new Res();
    StepVerifier.create(using(Mono.just(r), Flux.error(new IllegalStateException("boom"))))
        .verifyErrorMessage("boom");
    assertThat(r.failed.get()).isEqualTo(1);
    assertThat(r.cleanups()).isEqualTo(1);
  }

  @Test
  void workCancelledMidwayIsCleanedUpOnceByOnCancel() {
    Res r = new Res();
    StepVerifier.create(using(Mono.just(r), Flux.interval(Duration.ofMillis(1)).map(String::valueOf)), 1)
        .expectNext("0").thenCancel().verify(Duration.ofSeconds(10));
    assertThat(r.cancelled.get()).isEqualTo(1);
    assertThat(r.cleanups()).isEqualTo(1);
  }

  @Test
  void anOpeningThatFailsOrYieldsNothingEndsTheResultTheSameWay() {
    StepVerifier.create(using(Mono.error(new IllegalStateException("no connection")), Flux.just("x")))
        .verifyErrorMessage("no connection");
    StepVerifier.create(using(Mono.empty(), Flux.just("x"))).verifyComplete();
  }

  @Test
  void aCancelRacingWithTheArrivalCleansEveryResourceUpExactlyOnce() {
    int rounds = 20_000;
    int tookIt = 0;
    int leftFirst = 0;
    for (int i = 0; i < rounds; i++) {
      Sinks.One<Res> opening = Sinks.one();
      Res r = new Res();
      Disposable d = using(opening.asMono(), Flux.never()).subscribe();
      RaceTestUtils.race(() -> opening.tryEmitValue(r), d::dispose);
      assertThat(r.cleanups()).as("round %d: cleaned up exactly once (%s)", i,
          List.of(r.completed, r.failed, r.cancelled, r.unused)).isEqualTo(1);
      assertThat(r.worked.get()).as("round %d: work ran iff the work's cancel cleaned up", i)
          .isEqualTo(r.cancelled.get() == 1);
      if (r.worked.get()) {
        tookIt++;
      } else {
        leftFirst++;
      }
    }
    // both orders happened, so both paths were exercised
    assertThat(tookIt).isPositive();
    assertThat(leftFirst).isPositive();
  }
}
