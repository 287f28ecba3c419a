package dev.sluice.dialect.postgres;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.FaultContract;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The fault suite on PostgreSQL. The suite's pool connects with its own {@code application_name},
 * so {@code pg_stat_activity} tells its sessions apart from anyone else's; a second, unpooled
 * connection looks at them and terminates backends.
 */
class PostgresFaultIT extends FaultContract {
  static final String APP = "sluice-fault-it";
  private static final Duration T = Duration.ofSeconds(60);

  private static final DatabaseTarget TARGET = new DatabaseTarget() {
    @Override public String name() { return "postgresql"; }

    @Override public ConnectionFactory connectionFactory() {
      return dev.sluice.spi.Dialects.connect(PostgresTarget.URL + (PostgresTarget.URL.contains("?") ? "&" : "?")
          + "applicationName=" + APP);
    }

    @Override public void requireReachable() { PostgresTarget.INSTANCE.requireReachable(); }
  };

  @Override protected DatabaseTarget target() { return TARGET; }

  /** Runs one query returning a long on a fresh admin connection (outside the suite's pool). */
  private static long admin(String sql, Object... binds) {
    return Mono.usingWhen(Mono.from(PostgresTarget.INSTANCE.connectionFactory().create()),
        (Connection c) -> {
          var s = c.createStatement(sql);
          for (int i = 0; i < binds.length; i++) {
            s.bind(i, binds[i]);
          }
          return Flux.from(s.execute()).concatMap(r -> r.map((row, m) -> ((Number) row.get(0)).longValue()))
              .reduce(0L, Long::sum);
        },
        Connection::close).block(T);
  }

  @Override protected long stuckSessions() {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    long stuck;
    do {
      stuck = admin("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND application_name = '" + APP + "' AND state <> 'idle'");
    } while (stuck > 0 && System.nanoTime() < deadline && pause());
    long idle = admin("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND application_name = '" + APP + "' AND state = 'idle'");
    System.out.printf("[fault] postgresql: pool sessions: %d idle, %d active or idle in transaction%n",
        idle, stuck);
    return stuck;
  }

  private static boolean pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  @Test
  void killingTheBackendMidStreamIsATypedErrorAndThePoolRecovers() throws InterruptedException {
    Flux<Reading> rows = Flux.range(1, 20_000).map(i -> new Reading((long) i, "p" + i));
    db.insertInto(READINGS).values(rows).execute().block(T);
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger pid = new AtomicInteger();
    Flux<Reading> stream = db.inTransaction(tx -> tx.select(sql(Integer.class, "pg_backend_pid()"))
        .from(READINGS).limit(1).fetchOne()
        .doOnNext(r -> pid.set(r.value1()))
        .thenMany(tx.selectFrom(READINGS).fetchSize(100).fetch()));
    long start = System.nanoTime();
    StepVerifier.create(stream.publishOn(Schedulers.boundedElastic(), 1).doOnNext(r -> {
          if (seen.incrementAndGet() == 50) {
            assertThat(admin("SELECT count(*) FROM (SELECT pg_terminate_backend($1)) t", pid.get())).isEqualTo(1L);
          }
        }))
        .thenConsumeWhile(r -> true)
        .expectErrorSatisfies(e -> {
          System.out.printf("[fault] postgresql: backend %d terminated after %d rows -> %s: %s%n", pid.get(),
              seen.get(), e.getClass().getSimpleName(), e.getMessage().lines().findFirst().orElse(""));
          assertThat(e).isInstanceOf(ConnectionLostException.class);
        })
        .verify(T);
    assertThat(seen.get()).isBetween(50, 19_999);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    // the dead connection was dropped: the next queries succeed
    for (int i = 0; i < 5; i++) {
      assertThat(db.selectFrom(READINGS).fetch().count().block(T)).isEqualTo(20_000L);
    }
    assertThat(admin("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", pid.get())).isZero();
    System.out.printf("[fault] postgresql: recovered in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  @Override protected String slowSql(int seconds) { return "SELECT 1 FROM pg_sleep(" + seconds + ")"; }
}
