package dev.sluice.micrometer;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** The pool gauges read the r2dbc-pool of a real (SQLite) Database. */
class PoolMetricsTest {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir Path dir;

  @Test
  void gaugesFollowThePool() throws InterruptedException {
    Database db = Database.builder().url("r2dbc:sqlite:///" + dir.resolve("pool.db")).poolSize(3).build();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try {
      PoolMetrics.of(db, "orders").bindTo(meters);
      db.createTables(COUNTRIES).block(T);
      db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T);
      assertThat(gauge(meters, "sluice.pool.max")).isEqualTo(3);
      var holding = Flux.range(0, 2).flatMap(i -> db.inTransaction(tx -> Flux.never()), 2).subscribe();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (gauge(meters, "sluice.pool.acquired") < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(gauge(meters, "sluice.pool.acquired")).isEqualTo(2);
      holding.dispose();
      deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (gauge(meters, "sluice.pool.acquired") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(gauge(meters, "sluice.pool.acquired")).isZero();
      assertThat(gauge(meters, "sluice.pool.idle")).isGreaterThanOrEqualTo(1);
      assertThat(gauge(meters, "sluice.pool.pending")).isZero();
      assertThat(meters.get("sluice.pool.max").gauge().getId().getTag("db.name")).isEqualTo("orders");
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void aDatabaseWithoutAPoolIsRefused() {
    Database renderOnly = Database.builder().dialect(new StandardDialect()).build();
    assertThatThrownBy(() -> PoolMetrics.of(renderOnly, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("render-only");
  }

  private static double gauge(SimpleMeterRegistry meters, String name) {
    return meters.get(name).gauge().value();
  }
}
