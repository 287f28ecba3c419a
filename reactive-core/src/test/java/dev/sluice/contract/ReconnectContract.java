package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The pool Sluice builds ({@code Database.builder()...build()}, as {@code Database.connect(url)})
 * replaces connections the server dropped: after every pooled session was terminated on the
 * server, the next queries all succeed. Databases with a server only.
 */
public abstract class ReconnectContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(60);
  private static final int POOL = 4;

  /** A SQL expression of type BIGINT giving the current session's id on the server. */
  protected abstract String sessionIdSql();

  /** Terminates the server session {@code id} from a connection outside every pool. */
  protected abstract void terminate(long id);

  /** Whether session {@code id} still exists on the server. */
  protected abstract boolean sessionExists(long id);

  /** The ids of {@code POOL} sessions of {@code db}'s pool, all acquired at once and then released. */
  private Set<Long> holdEverySession(Database small) {
    List<Long> ids = Flux.range(0, POOL).flatMap(i -> small.inTransaction(tx ->
            tx.select(sql(Long.class, sessionIdSql())).from(COUNTRIES).limit(1).fetchOne()
                .map(r -> r.value1()).delayElement(Duration.ofMillis(300))), POOL)
        .collectList().block(T);
    return new HashSet<>(ids);
  }

  @Test
  void thePoolReplacesEveryConnectionTheServerDropped() throws InterruptedException {
    db.insertInto(COUNTRIES).values(new Country(null, "canary")).execute().block(T);
    PoolUnderTest smallPool = PoolUnderTest.database(target(), target().connectionFactory(), POOL,
        Duration.ofSeconds(10));
    Database small = smallPool.database();
    try {
      Set<Long> before = holdEverySession(small);
      assertThat(before).hasSize(POOL);
      assertThat(smallPool.acquiredAfterSettling()).isZero();
      smallPool.r2dbcPool().ifPresent(p -> assertThat(p.getMetrics().orElseThrow().idleSize()).isEqualTo(POOL));
      before.forEach(this::terminate);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (before.stream().anyMatch(this::sessionExists) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(before.stream().filter(this::sessionExists)).as("sessions still on the server").isEmpty();

      AtomicInteger failures = new AtomicInteger();
      List<String> errors = new ArrayList<>();
      int sequential = 3 * POOL;
      for (int i = 0; i < sequential; i++) {
        try {
          assertThat(small.selectFrom(COUNTRIES).fetch().count().block(T)).isEqualTo(1L);
        } catch (RuntimeException e) {
          failures.incrementAndGet();
          errors.add(e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
      Set<Long> after = holdEverySession(small);
      System.out.printf("[fault] %s: %d pooled sessions terminated on the server; %d of the next %d "
          + "queries failed %s; sessions now %s (were %s)%n", target().name(), POOL, failures.get(),
          sequential, errors, after, before);
      assertThat(errors).as("queries after the server dropped every pooled connection").isEmpty();
      assertThat(after).hasSize(POOL).doesNotContainAnyElementsOf(before);
      assertThat(smallPool.acquiredAfterSettling()).isZero();
    } finally {
      smallPool.close().block(T);
    }
  }
}
