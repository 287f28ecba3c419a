package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Results stream with backpressure; cancelling returns the connection to the pool. */
public abstract class StreamingContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(120);

  public record Reading(Long id, String payload) {}

  public static final class Readings extends Table<Reading> {
    public final Column<Long> id = bigint("id").primaryKey();
    public final Column<String> payload = varchar("payload", 200).notNull();

    public Readings() { super("readings"); }
  }

  public static final Readings READINGS = new Readings();

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {READINGS}; }

  /** How many rows the streaming tests use. */
  protected int rows() { return 100_000; }

  protected void fill(int n) {
    fill(db, n);
  }

  /** Inserts readings 1..n from a stream (never a list in memory), ~110 bytes of payload each. */
  public static void fill(dev.sluice.Database db, int n) {
    String pad = "x".repeat(100);
    Flux<Reading> readings = Flux.range(1, n).map(i -> new Reading((long) i, pad + i));
    assertThat(db.insertInto(READINGS).values(readings).execute().block(T)).isEqualTo(n);
  }

  @Test
  void streamsEveryRowWithBackpressure() {
    int n = rows();
    fill(n);
    AtomicLong sum = new AtomicLong();
    StepVerifier.create(db.selectFrom(READINGS).orderBy(READINGS.id).fetch()
            .doOnNext(r -> sum.addAndGet(r.id())), 0)
        .thenRequest(10).expectNextCount(10)
        .thenRequest(Long.MAX_VALUE).expectNextCount(n - 10)
        .verifyComplete();
    assertThat(sum.get()).isEqualTo((long) n * (n + 1) / 2);
  }

  @Test
  void streamsThroughACursorWhenAFetchSizeIsSet() throws InterruptedException {
    fill(20_000);
    assertThat(db.selectFrom(READINGS).fetchSize(500).fetch().count().block(T)).isEqualTo(20_000L);
    for (int i = 0; i < 20; i++) {
      assertThat(db.selectFrom(READINGS).fetchSize(100).fetch().take(5).count().block(T)).isEqualTo(5L);
    }
    assertThat(acquiredConnectionsAfterSettling()).isZero();
  }

  @Test
  void cancellingAfterTheFirstRowsReleasesTheConnection() throws InterruptedException {
    fill(20_000);
    for (int i = 0; i < 50; i++) {
      assertThat(db.selectFrom(READINGS).fetch().take(10).count().block(T)).isEqualTo(10L);
    }
    assertThat(acquiredConnectionsAfterSettling()).as("acquired after 50 cancels").isZero();
    assertThat(db.selectFrom(READINGS).where(eq(READINGS.id, 7L)).fetchOne().block(T).id()).isEqualTo(7L);
  }

  @Test
  void disposingASubscriptionMidStreamReleasesTheConnection() throws InterruptedException {
    fill(20_000);
    AtomicLong received = new AtomicLong();
    var disposable = db.selectFrom(READINGS).fetch().limitRate(16)
        .delayElements(Duration.ofMillis(1)).subscribe(r -> received.incrementAndGet());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (received.get() < 50 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    disposable.dispose();
    long atCancel = received.get();
    assertThat(atCancel).as("rows received before the cancel").isBetween(50L, 19_999L);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    Thread.sleep(100);
    assertThat(received.get()).as("rows received after the cancel").isLessThanOrEqualTo(atCancel + 1);
    assertThat(db.selectFrom(READINGS).fetch().count().block(T)).isEqualTo(20_000L);
  }

  /**
   * A stream subscribed to without demand and then cancelled, on a pool of one connection: the
   * connection comes back usable (or is replaced), so the next query returns within a bound.
   */
  @Test
  void aStreamCancelledBeforeAnyDemandLeavesThePoolUsable() throws InterruptedException {
    fill(5_000);
    PoolUnderTest onePool = smallPool(1, Duration.ofSeconds(20));
    Database one = onePool.database();
    try {
      long[] pauses = {200, 0, 20, 200, 0};
      for (int round = 0; round < pauses.length; round++) {
        AtomicLong received = new AtomicLong();
        BaseSubscriber<Reading> idle = new BaseSubscriber<>() {
          @Override protected void hookOnSubscribe(Subscription subscription) { }

          @Override protected void hookOnNext(Reading value) { received.incrementAndGet(); }
        };
        one.selectFrom(READINGS).fetch().subscribe(idle);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (onePool.acquired() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThat(onePool.acquired()).as("the stream holds the connection")
            .isEqualTo(1);
        Thread.sleep(pauses[round]); // 200 ms: the statement reached the server, its rows are coming back
        idle.cancel();
        assertThat(received.get()).as("rows delivered without demand").isZero();
        long start = System.nanoTime();
        Reading seven = one.selectFrom(READINGS).where(eq(READINGS.id, 7L)).fetchOne()
            .timeout(Duration.ofSeconds(15)).block(T);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[stream] %s: round %d (cancel %d ms after acquiring), next query after a cancel without demand took %d ms%n",
            target().name(), round, pauses[round], ms);
        assertThat(seven.id()).isEqualTo(7L);
        assertThat(ms).as("ms until the next query returned").isLessThan(5_000);
      }
      long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (onePool.acquired() > 0 && System.nanoTime() < settle) {
        Thread.sleep(10);
      }
      assertThat(onePool.acquired()).isZero();
    } finally {
      onePool.close().block(T);
    }
  }
}
