package dev.sluice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.IllegalUseException;
import dev.sluice.spi.StandardDialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The router's decisions on stub factories with a clock the test moves: which target a read goes
 * to, failover, back-off and health checks, the read-your-writes window, and no retry after a row.
 */
class ReplicaRouterTest {
  private static final Duration T = Duration.ofSeconds(5);
  private static final long MS = 1_000_000L;

  private final FlakyFactory primary = new FlakyFactory();
  private final FlakyFactory r1 = new FlakyFactory();
  private final FlakyFactory r2 = new FlakyFactory();
  private final AtomicLong now = new AtomicLong(1_000 * MS);
  private final List<String> events = new CopyOnWriteArrayList<>();

  private ReplicaRouter router(Function<List<String>, String> picker, Duration window) {
    List<ReplicaRouter.Target> targets = List.of(new ReplicaRouter.Target("r1", r1, r1, false),
        new ReplicaRouter.Target("r2", r2, r2, false));
    return new ReplicaRouter(targets, picker, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)), window,
        (signal, replica, cause, backoff, retriedOn) -> events.add(signal + " " + replica
            + (backoff == null ? "" : " for " + backoff.toMillis() + " ms")
            + (retriedOn == null ? "" : " -> " + retriedOn)),
        new StandardDialect(), now::get);
  }

  private ReplicaRouter router() {
    return router(names -> names.get(0), Duration.ZERO);
  }

  /** A read of one row named {@code sql}. */
  private static Function<Connection, Publisher<String>> read(String sql) {
    return c -> Flux.from(c.createStatement(sql).execute()).map(r -> sql);
  }

  private <T> List<T> run(ReplicaRouter router, Route route, Function<Connection, Publisher<T>> fn, Context ctx) {
    return router.route(ctx, route, fn, () -> OwnConnection.run(Mono.from(primary.create()), fn))
        .contextWrite(ctx).collectList().block(T);
  }

  private List<String> run(ReplicaRouter router, String sql) {
    return run(router, Route.REPLICA_READ, read(sql), Context.empty());
  }

  @Test
  void aReadGoesToTheReplicaThePickerChoosesAndOtherRoutesToThePrimary() {
    List<List<String>> offered = new CopyOnWriteArrayList<>();
    ReplicaRouter router = router(names -> {
      offered.add(names);
      return names.get(1);
    }, Duration.ZERO);
    assertThat(run(router, "q1")).containsExactly("q1");
    run(router, Route.WRITE, read("w"), Context.empty());
    run(router, Route.PRIMARY_READ, read("locked"), Context.empty());
    assertThat(r2.statements()).containsExactly("q1");
    assertThat(r1.statements()).isEmpty();
    assertThat(primary.statements()).containsExactly("w", "locked");
    assertThat(offered).containsExactly(List.of("r1", "r2"));
  }

  @Test
  void aReplicaThatRefusesIsTakenOutAndTheReadRunsOnTheNextThenOnThePrimary() {
    ReplicaRouter router = router();
    r1.refusing = true;
    assertThat(run(router, "q1")).containsExactly("q1");
    assertThat(r2.statements()).containsExactly("q1");
    assertThat(events).containsExactly("DOWN r1 for 1000 ms", "RETRIED r1 -> r2");

    r2.refusing = true;
    events.clear();
    assertThat(run(router, "q2")).containsExactly("q2");          // r1 is out: only r2 is tried, then the primary
    assertThat(primary.statements()).containsExactly("q2");
    assertThat(events).containsExactly("DOWN r2 for 1000 ms", "RETRIED r2 -> primary");
    assertThat(r1.attempts).hasValue(1);

    events.clear();
    assertThat(run(router, "q3")).containsExactly("q3");          // both out: straight to the primary
    assertThat(primary.statements()).containsExactly("q2", "q3");
    assertThat(events).isEmpty();
  }

  @Test
  void afterItsBackOffAHealthCheckBringsAReplicaBackOrDoublesTheBackOff() {
    ReplicaRouter router = router();
    r1.refusing = true;
    run(router, "q1");
    now.addAndGet(999 * MS);
    run(router, "q2");
    assertThat(r1.attempts).as("no check before the back-off is over").hasValue(1);

    now.addAndGet(1 * MS);
    run(router, "q3");                                             // starts a check, which fails
    assertThat(r1.attempts).hasValue(2);
    assertThat(events).containsExactly("DOWN r1 for 1000 ms", "RETRIED r1 -> r2", "DOWN r1 for 2000 ms");

    r1.refusing = false;
    now.addAndGet(1999 * MS);
    run(router, "q4");
    assertThat(r1.attempts).hasValue(2);
    now.addAndGet(1 * MS);
    run(router, "q5");                                             // the check passes; q5 still went to r2
    assertThat(events).endsWith("UP r1");
    run(router, "q6");
    assertThat(r1.statements()).containsExactly("q6");
    assertThat(r2.statements()).containsExactly("q1", "q2", "q3", "q4", "q5");
  }

  @Test
  void theBackOffDoublesUpToItsMaximum() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
    assertThat(List.of(b.after(1), b.after(2), b.after(3), b.after(4), b.after(60)))
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
            Duration.ofMillis(500), Duration.ofMillis(500));
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }

  @Test
  void aReadThatLostItsConnectionAfterARowIsNotRunAgain() {
    ReplicaRouter router = router();
    R2dbcNonTransientResourceException lost = new R2dbcNonTransientResourceException("Connection closed");
    List<String> seen = new ArrayList<>();
    Flux<String> rows = router.route(Context.empty(), Route.REPLICA_READ,
        c -> Flux.just("row 1").concatWith(Flux.error(lost)),
        () -> Flux.just("from the primary"));
    assertThatThrownBy(() -> rows.doOnNext(seen::add).blockLast(T)).isSameAs(lost);
    assertThat(seen).containsExactly("row 1");
    assertThat(events).containsExactly("DOWN r1 for 1000 ms");    // out, but the read was not retried
    assertThat(r2.attempts).hasValue(0);
  }

  @Test
  void aLostConnectionBeforeTheFirstRowIsRetried() {
    ReplicaRouter router = router();
    R2dbcNonTransientResourceException lost = new R2dbcNonTransientResourceException("Connection closed");
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    List<String> rows = router.route(Context.empty(), Route.REPLICA_READ,
        c -> calls.incrementAndGet() == 1 ? Flux.<String>error(lost) : Flux.just("call " + calls.get()),
        () -> Flux.just("from the primary")).collectList().block(T);
    assertThat(rows).containsExactly("call 2");
    assertThat(r1.attempts).hasValue(1);
    assertThat(r2.attempts).hasValue(1);
    assertThat(events).containsExactly("DOWN r1 for 1000 ms", "RETRIED r1 -> r2");
  }

  @Test
  void anErrorOfTheStatementItselfIsNotRetriedAndLeavesTheReplicaIn() {
    ReplicaRouter router = router();
    R2dbcBadGrammarException bad = new R2dbcBadGrammarException("syntax error at or near \"SELEC\"", "42601");
    Flux<String> rows = router.route(Context.empty(), Route.REPLICA_READ, c -> Flux.error(bad),
        () -> Flux.just("from the primary"));
    assertThatThrownBy(() -> rows.blockLast(T)).isSameAs(bad);
    assertThat(events).isEmpty();
    assertThat(run(router, "q")).containsExactly("q");
    assertThat(r1.statements()).containsExactly("q");
  }

  @Test
  void readsInTheWindowAfterAWriteOfTheSameSessionGoToThePrimary() {
    ReplicaRouter router = router(names -> names.get(0), Duration.ofMillis(500));
    Context session = RecentWrites.open(Context.empty());
    Context other = RecentWrites.open(Context.empty());
    router.noted(session, Route.WRITE, Flux.just(1)).contextWrite(session).blockLast(T);

    run(router, Route.REPLICA_READ, read("same session"), session);
    run(router, Route.REPLICA_READ, read("other session"), other);
    run(router, Route.REPLICA_READ, read("no session"), Context.empty());
    now.addAndGet(499 * MS);
    run(router, Route.REPLICA_READ, read("499 ms later"), session);
    now.addAndGet(1 * MS);
    run(router, Route.REPLICA_READ, read("500 ms later"), session);

    assertThat(primary.statements()).containsExactly("same session", "499 ms later");
    assertThat(r1.statements()).containsExactly("other session", "no session", "500 ms later");
  }

  @Test
  void aReadOrAPinnedReadOpensNoWindowAndNeitherDoesAWriteWithoutAWindow() {
    ReplicaRouter router = router(names -> names.get(0), Duration.ofMillis(500));
    Context session = RecentWrites.open(Context.empty());
    router.noted(session, Route.REPLICA_READ, Flux.just(1)).blockLast(T);
    router.noted(session, Route.PRIMARY_READ, Flux.just(1)).blockLast(T);
    run(router, Route.REPLICA_READ, read("q"), session);
    assertThat(r1.statements()).containsExactly("q");

    ReplicaRouter noWindow = router();
    noWindow.noted(session, Route.WRITE, Flux.just(1)).blockLast(T);
    run(noWindow, Route.REPLICA_READ, read("q2"), session);
    assertThat(r1.statements()).containsExactly("q", "q2");
  }

  @Test
  void aPickerThatNamesNoOfferedReplicaFailsTheReadWithATypedError() {
    ReplicaRouter router = router(names -> "r9", Duration.ZERO);
    assertThatThrownBy(() -> run(router, "q"))
        .isInstanceOf(IllegalUseException.class)
        .hasMessage("The ReplicaPicker chose \"r9\", which is not one of the replicas it was offered: [r1, r2]");
    assertThat(r1.attempts).hasValue(0);
    assertThat(primary.attempts).hasValue(0);
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheRead() {
    List<ReplicaRouter.Target> targets = List.of(new ReplicaRouter.Target("r1", r1, r1, false),
        new ReplicaRouter.Target("r2", r2, r2, false));
    ReplicaRouter router = new ReplicaRouter(targets, names -> names.get(0),
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)), Duration.ZERO,
        (signal, replica, cause, backoff, retriedOn) -> { throw new IllegalStateException("listener bug"); },
        new StandardDialect(), now::get);
    r1.refusing = true;
    assertThat(run(router, "q")).containsExactly("q");
    assertThat(r2.statements()).containsExactly("q");
  }
}
