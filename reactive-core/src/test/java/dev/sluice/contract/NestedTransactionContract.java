package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nested transactions (savepoints) that run concurrently on the one connection of their outer
 * transaction. They are queued in subscription order, so the rollback of one can never undo what
 * another reported as done, and a write of the outer body waits while a nested body is open.
 */
public abstract class NestedTransactionContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(60);

  private List<String> names() {
    return db.selectFrom(COUNTRIES).fetch().map(Country::name).sort().collectList().block(T);
  }

  private Mono<Long> insert(String name) {
    return db.insertInto(COUNTRIES).values(new Country(null, name)).execute();
  }

  @Test
  void concurrentNestedBodiesNeverUndoAReportedSuccess() {
    Random random = new Random(42);
    int n = 40;
    List<Integer> delays = new ArrayList<>();
    List<Boolean> fails = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      delays.add(random.nextInt(6));
      fails.add(random.nextInt(3) == 0);
    }
    List<String> reported = Collections.synchronizedList(new ArrayList<>());
    db.inTransaction(tx -> Flux.range(0, n).flatMap(i -> db.inTransaction(inner -> insert("n" + i)
                .delayElement(Duration.ofMillis(delays.get(i)))
                .flatMap(x -> fails.get(i) ? Mono.error(new IllegalStateException("body " + i + " fails"))
                    : Mono.just("n" + i)))
            .doOnNext(reported::add)
            .onErrorResume(IllegalStateException.class, e -> Mono.empty()), n))
        .blockLast(T);
    long failed = fails.stream().filter(f -> f).count();
    assertThat(reported).hasSize((int) (n - failed));
    List<String> expected = new ArrayList<>(reported);
    Collections.sort(expected);
    assertThat(names()).isEqualTo(expected);
  }

  @Test
  void nestedBodiesRunOneAtATimeInSubscriptionOrder() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    db.inTransaction(tx -> Flux.range(0, 5).flatMap(i -> db.inTransaction(inner ->
        Mono.fromRunnable(() -> events.add("start " + i))
            .then(insert("o" + i)).delayElement(Duration.ofMillis(5 - i))
            .doOnNext(x -> events.add("end " + i))), 5))
        .blockLast(T);
    assertThat(events).containsExactly("start 0", "end 0", "start 1", "end 1", "start 2", "end 2",
        "start 3", "end 3", "start 4", "end 4");
    assertThat(names()).containsExactly("o0", "o1", "o2", "o3", "o4");
  }

  @Test
  void anOuterWriteDuringAFailingNestedBodyIsKept() {
    db.inTransaction(tx -> Flux.merge(
            db.inTransaction(inner -> insert("inner").then(Mono.delay(Duration.ofMillis(150)))
                    .then(Mono.<Long>error(new IllegalStateException("inner fails"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()),
            Mono.delay(Duration.ofMillis(30)).then(insert("outer"))))
        .blockLast(T);
    assertThat(names()).containsExactly("outer");
  }

  @Test
  void aQueuedNestedBodyCancelledBeforeItStartsLeavesTheOthersRunning() throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    db.inTransaction(tx -> Flux.merge(
            db.inTransaction(inner -> insert("first").delayElement(Duration.ofMillis(200))),
            db.inTransaction(inner -> Mono.fromRunnable(started::incrementAndGet).then(insert("cancelled")))
                .take(Duration.ofMillis(50)),
            Mono.delay(Duration.ofMillis(100)).thenMany(db.inTransaction(inner -> insert("third")))))
        .blockLast(T);
    assertThat(started).hasValue(0);
    assertThat(names()).containsExactly("first", "third");
    // settling: a pool that counts its borrows (r2dbc-vertx's own) counts a release once the close
    // has completed, just after the caller saw the end
    assertThat(acquiredConnectionsAfterSettling()).isZero();
  }

  @Test
  void aFailingNestedBodyAfterSuccessfulOnesUndoesOnlyItself() {
    db.inTransaction(tx -> insert("outer")
        .thenMany(Flux.range(0, 6).concatMap(i -> db.inTransaction(inner -> insert("s" + i)
                .then(i % 2 == 0 ? Mono.just(i) : Mono.error(new IllegalStateException("odd"))))
            .onErrorResume(IllegalStateException.class, e -> Mono.empty()))))
        .blockLast(T);
    assertThat(names()).containsExactly("outer", "s0", "s2", "s4");
  }
}
