package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.ConnectionAcquireTimeoutException;
import dev.sluice.Database;
import dev.sluice.QueryTimeout;
import dev.sluice.error.QueryTimeoutException;
import dev.sluice.RetryPolicy;
import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.TransactionTimeoutException;
import dev.sluice.error.TransientDataException;
import dev.sluice.TxOptions;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import io.r2dbc.spi.IsolationLevel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Fault tolerance: cancelled streams, exhausted pools, failed and cancelled transactions and
 * concurrent serializable writers leave no connection acquired, no session stuck and no row half
 * written. Figures are printed as {@code [fault] ...} lines.
 */
public abstract class FaultContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(60);
  /**
   * How long the cancel loop may take before it counts as hung: a bound on liveness, not a speed
   * target (its time is printed; speed is measured in the benchmarks module).
   */
  private static final Duration HANG = Duration.ofMinutes(5);

  public record Reading(Long id, String payload) {}

  public static final class Readings extends Table<Reading> {
    public final Column<Long> id = bigint("id").primaryKey();
    public final Column<String> payload = varchar("payload", 200).notNull();

    public Readings() { super("fault_readings"); }
  }

  public record Account(Integer id, Long balance) {}

  public static final class Accounts extends Table<Account> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Long> balance = bigint("balance").notNull();

    public Accounts() { super("fault_accounts"); }
  }

  public static final Readings READINGS = new Readings();
  public static final Accounts ACCOUNTS = new Accounts();

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {READINGS, ACCOUNTS}; }

  /** Sessions of this suite's pool that are running or idle in a transaction (0 where unknowable). */
  protected long stuckSessions() { return 0; }

  /** How many times the cancel loop runs. */
  protected int cancelLoops() { return 10_000; }

  private void fill(int n) {
    Flux<Reading> rows = Flux.range(1, n).map(i -> new Reading((long) i, "p" + i));
    assertThat(db.insertInto(READINGS).values(rows).execute().block(T)).isEqualTo(n);
  }

  private long readings() {
    return db.selectFrom(READINGS).fetch().count().block(T);
  }

  @Test
  void cancellingAStreamTenThousandTimesLeaksNothing() throws InterruptedException {
    fill(2_000);
    int loops = cancelLoops();
    long start = System.nanoTime();
    Long seen = Flux.range(0, loops)
        .flatMap(i -> db.selectFrom(READINGS).fetchSize(50).fetch().take(3), 4)
        .count().block(HANG);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(seen).isEqualTo(3L * loops);
    int acquired = acquiredConnectionsAfterSettling();
    long stuck = stuckSessions();
    System.out.printf("[fault] %s: %d cancelled streams took %.1f s; acquired=%d, stuck sessions=%d%n",
        target().name(), loops, seconds, acquired, stuck);
    assertThat(acquired).isZero();
    assertThat(stuck).isZero();
    assertThat(db.selectFrom(READINGS).where(eq(READINGS.id, 7L)).fetchOne().block(T).id()).isEqualTo(7L);
  }

  @Test
  void anExhaustedPoolFailsWithATypedTimeoutAndRecovers() throws InterruptedException {
    Assumptions.assumeFalse(poolUnderTest.own(), "excused on a driver's own pool: this is Sluice's pool "
        + "(r2dbc-pool) timing out its acquire with ConnectionAcquireTimeoutException; under pooled(false) "
        + "a borrow waits as the driver's pool says (r2dbc-vertx: Vert.x's PoolOptions, not settable from its URL)");
    PoolUnderTest smallPool = smallPool(2, Duration.ofMillis(300));
    Database small = smallPool.database();
    try {
      // two transactions hold both connections for a while
      Flux<Long> holders = Flux.range(0, 2).flatMap(i -> small.inTransaction(tx ->
          tx.selectFrom(READINGS).fetch().count().delayElement(Duration.ofMillis(1500))), 2);
      var held = holders.subscribeOn(Schedulers.boundedElastic()).collectList().toFuture();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (smallPool.acquired() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      StepVerifier.create(small.selectFrom(READINGS).fetch())
          .expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(ConnectionAcquireTimeoutException.class)
                .hasMessageContaining("pool of 2 connections").hasMessageContaining("300 ms");
            assertThat(((ConnectionAcquireTimeoutException) e).poolSize()).isEqualTo(2);
            assertThat(((ConnectionAcquireTimeoutException) e).timeout()).isEqualTo(Duration.ofMillis(300));
            System.out.printf("[fault] %s: exhausted pool -> %s%n", target().name(), e.getMessage());
          })
          .verify(T);
      assertThat(held.join()).containsExactly(0L, 0L);
      long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (smallPool.acquired() > 0 && System.nanoTime() < settle) {
        Thread.sleep(10);
      }
      assertThat(smallPool.acquired()).isZero();
      assertThat(small.selectFrom(READINGS).fetch().count().block(T)).isZero();
    } finally {
      smallPool.close().block(T);
    }
  }

  @Test
  void anErrorAfterAThousandInsertsLeavesNothing() throws InterruptedException {
    StepVerifier.create(db.inTransaction(tx -> Flux.range(1, 1000)
            .concatMap(i -> tx.insertInto(READINGS).values(new Reading((long) i, "r" + i)).execute())
            .then(Mono.error(new IllegalStateException("fails after 1000 rows")))))
        .expectErrorMessage("fails after 1000 rows").verify(T);
    assertThat(readings()).isZero();
    assertThat(acquiredConnectionsAfterSettling()).isZero();
  }

  @Test
  void cancellingInTheMiddleOfAThousandInsertsLeavesNothing() throws InterruptedException {
    AtomicInteger inserted = new AtomicInteger();
    var d = db.inTransaction(tx -> Flux.range(1, 1000)
            .concatMap(i -> tx.insertInto(READINGS).values(new Reading((long) i, "r" + i)).execute())
            .doOnNext(n -> inserted.incrementAndGet()))
        .subscribe();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inserted.get() < 300 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    d.dispose();
    assertThat(inserted.get()).isBetween(300, 999);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    assertThat(readings()).isZero();
  }

  @Test
  void aTimedOutTransactionRollsBackAndReleases() throws InterruptedException {
    StepVerifier.create(db.inTransaction(TxOptions.defaults().timeout(Duration.ofMillis(200)),
            tx -> tx.insertInto(READINGS).values(new Reading(1L, "slow")).execute()
                .then(Mono.delay(Duration.ofSeconds(5)))))
        .expectError(TransactionTimeoutException.class).verify(T);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    assertThat(readings()).isZero();
  }

  /** A read statement that runs for about {@code seconds} seconds on the server. */
  protected abstract String slowSql(int seconds);

  /**
   * A transaction timeout is a bound on the caller's wait: the statement running when it expires is
   * cancelled on the server, so the rollback does not wait for its end; nothing of the transaction
   * stays, no connection stays acquired, and the pool's connections still work.
   */
  @Test
  void aTransactionTimeoutCancelsTheRunningStatement() throws InterruptedException {
    db.insertInto(READINGS).values(new Reading(99L, "before")).execute().block(T);
    String slow = slowSql(6);
    AtomicInteger written = new AtomicInteger();
    long start = System.nanoTime();
    StepVerifier.create(db.inTransaction(TxOptions.defaults().timeout(Duration.ofSeconds(1)),
            tx -> tx.insertInto(READINGS).values(new Reading(1L, "in the transaction")).execute()
                .doOnNext(n -> written.incrementAndGet())
                .thenMany(tx.sql(slow).fetch())))
        .expectError(TransactionTimeoutException.class).verify(T);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("[fault] %s: a 1 s transaction timeout around a 6 s statement failed after %d ms%n",
        target().name(), ms);
    assertThat(written.get()).as("the insert ran before the slow statement").isEqualTo(1);
    assertThat(ms).as("ms until TransactionTimeoutException (limit 1000 ms)").isLessThan(2_000);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    long next = System.nanoTime();
    assertThat(db.selectFrom(READINGS).fetch().map(Reading::id).collectList().block(T)).containsExactly(99L);
    assertThat(db.inTransaction(tx -> tx.selectFrom(READINGS).fetch().count()).blockLast(T)).isEqualTo(1L);
    assertThat((System.nanoTime() - next) / 1_000_000).as("ms for the next two queries").isLessThan(2_000);
  }

  /**
   * A per-statement limit ({@link QueryTimeout}) cancels the statement on the server and fails
   * with {@link QueryTimeoutException} near the limit; the pool's connections still work.
   */
  @Test
  void aQueryTimeoutCancelsTheRunningStatement() throws InterruptedException {
    db.insertInto(READINGS).values(new Reading(99L, "before")).execute().block(T);
    String slow = slowSql(6);
    long start = System.nanoTime();
    StepVerifier.create(db.sql(slow).fetch().contextWrite(QueryTimeout.of(Duration.ofSeconds(1))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryTimeoutException.class)
            .hasMessageContaining("1000 ms").satisfies(t -> assertThat(((QueryTimeoutException) t).sql())
                .isEqualTo(slow)))
        .verify(T);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("[fault] %s: a 1 s query timeout on a 6 s statement failed after %d ms%n",
        target().name(), ms);
    assertThat(ms).as("ms until QueryTimeoutException (limit 1000 ms)").isLessThan(2_000);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    long next = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      assertThat(db.selectFrom(READINGS).fetch().count().block(T)).isEqualTo(1L);
    }
    assertThat((System.nanoTime() - next) / 1_000_000).as("ms for the next four queries").isLessThan(2_000);
    // a fast statement under the same limit is not affected
    assertThat(db.selectFrom(READINGS).fetch().count().contextWrite(QueryTimeout.of(Duration.ofSeconds(1)))
        .block(T)).isEqualTo(1L);
  }

  @Test
  void theRetryPolicyReRunsTheWholeBodyInAFreshTransaction() {
    AtomicInteger attempts = new AtomicInteger();
    Long n = db.inTransaction(TxOptions.defaults().retry(RetryPolicy.onTransientFailures(3, Duration.ofMillis(5))),
            tx -> tx.insertInto(READINGS).values(new Reading(1L, "once")).execute()
                .flatMap(x -> attempts.incrementAndGet() < 3
                    ? Mono.<Long>error(new SerializationFailureException("simulated", null, null))
                    : Mono.just(x)))
        .single().block(T);
    assertThat(n).isEqualTo(1L);
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(readings()).isEqualTo(1L); // the failed attempts were rolled back: no duplicate key
  }

  @Test
  void theRetryPolicyGivesUpWithTheLastFailure() {
    AtomicInteger attempts = new AtomicInteger();
    StepVerifier.create(db.inTransaction(
            TxOptions.defaults().retry(RetryPolicy.onTransientFailures(2, Duration.ZERO)),
            tx -> Mono.defer(() -> Mono.error(new SerializationFailureException(
                "attempt " + attempts.incrementAndGet(), null, null)))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransientDataException.class)
            .hasMessage("attempt 3"))
        .verify(T);
  }

  /** Concurrent read-modify-write transactions at SERIALIZABLE: no update is ever lost. */
  @Test
  void concurrentSerializableIncrementsNeverLoseAnUpdate() {
    int writers = 8;
    db.insertInto(ACCOUNTS).values(new Account(1, 0L)).execute().block(T);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger successes = new AtomicInteger();
    Flux.range(0, writers).flatMap(i -> increment(TxOptions.isolation(IsolationLevel.SERIALIZABLE))
            .doOnSuccess(x -> successes.incrementAndGet())
            .onErrorResume(TransientDataException.class, e -> {
              failures.incrementAndGet();
              return Mono.empty();
            }), writers)
        .blockLast(T);
    long balance = balance();
    System.out.printf("[fault] %s: %d concurrent SERIALIZABLE increments without retry: %d committed, "
        + "%d serialization failures, balance %d%n", target().name(), writers, successes.get(),
        failures.get(), balance);
    assertThat(successes.get() + failures.get()).isEqualTo(writers);
    assertThat(balance).as("no lost update").isEqualTo(successes.get());

    AtomicInteger attempts = new AtomicInteger();
    TxOptions retrying = TxOptions.isolation(IsolationLevel.SERIALIZABLE)
        .retry(RetryPolicy.onTransientFailures(20, Duration.ofMillis(5)));
    Flux.range(0, writers).flatMap(i -> incrementCounting(retrying, attempts), writers).blockLast(T);
    long after = balance();
    System.out.printf("[fault] %s: %d concurrent SERIALIZABLE increments with retry: all committed, "
        + "%d attempts in all (%d retries), balance %d -> %d%n", target().name(), writers, attempts.get(),
        attempts.get() - writers, balance, after);
    assertThat(after).isEqualTo(balance + writers);
  }

  private Mono<Long> incrementCounting(TxOptions options, AtomicInteger attempts) {
    return db.inTransaction(options, tx -> Mono.fromRunnable(attempts::incrementAndGet)
        .then(read().delayElement(Duration.ofMillis(20)).flatMap(b -> tx.update(ACCOUNTS).set(ACCOUNTS.balance, b + 1)
            .where(eq(ACCOUNTS.id, 1)).execute()))).single();
  }

  private Mono<Long> increment(TxOptions options) {
    return db.inTransaction(options, tx -> read()
        .delayElement(Duration.ofMillis(50))
        .flatMap(b -> tx.update(ACCOUNTS).set(ACCOUNTS.balance, b + 1).where(eq(ACCOUNTS.id, 1)).execute()))
        .single();
  }

  private Mono<Long> read() {
    return db.selectFrom(ACCOUNTS).where(eq(ACCOUNTS.id, 1)).fetchOne().map(Account::balance);
  }

  private long balance() {
    return read().block(T);
  }
}
