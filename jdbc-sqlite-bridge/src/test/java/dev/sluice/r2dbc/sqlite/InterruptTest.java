package dev.sluice.r2dbc.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * {@link Interruptible#interrupt()} stops a long statement from another thread; the transaction it
 * ran in then rolls back (SQLite keeps the interrupt in force while a statement is active, which
 * made the ROLLBACK fail and left the transaction open) and the connection stays usable.
 */
class InterruptTest {
  private static final Duration T = Duration.ofSeconds(60);

  private static long count(Connection c, String sql) {
    return Flux.from(c.createStatement(sql).execute())
        .concatMap(r -> r.map((row, m) -> ((Number) row.get(0)).longValue())).blockLast(T);
  }

  private static void run(Connection c, String sql) {
    Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.getRowsUpdated()).blockLast(T);
  }

  @Test
  void anInterruptedStatementFailsAndItsTransactionRollsBack() throws Exception {
    Path file = Files.createTempFile("sluice-interrupt", ".db");
    var factory = ConnectionFactories.get("r2dbc:sqlite:///" + file.toAbsolutePath());
    Connection a = Mono.from(factory.create()).block(T);
    Connection b = Mono.from(factory.create()).block(T);
    try {
      run(a, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
      Mono.from(a.beginTransaction()).block(T);
      run(a, "INSERT INTO t VALUES (1)");
      long start = System.nanoTime();
      var slow = Flux.from(a.createStatement("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1"
              + " FROM c WHERE x < 50000000) SELECT count(*) FROM c").execute())
          .concatMap(r -> r.map((row, m) -> row.get(0))).materialize().collectList().toFuture();
      Thread.sleep(300);
      Mono.from(((Interruptible) a).interrupt()).block(T);
      List<Signal<Object>> signals = slow.get();
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(signals).hasSize(1);
      assertThat(signals.get(0).getThrowable()).isInstanceOf(R2dbcTimeoutException.class)
          .hasMessageContaining("SQLITE_INTERRUPT");
      assertThat(ms).as("ms until the interrupted statement failed").isLessThan(5_000);
      Mono.from(a.rollbackTransaction()).block(T);
      assertThat(count(a, "SELECT count(*) FROM t")).as("rows on the rolled-back connection").isZero();
      assertThat(count(b, "SELECT count(*) FROM t")).as("rows seen by another connection").isZero();
      run(a, "INSERT INTO t VALUES (2)");
      assertThat(count(b, "SELECT count(*) FROM t")).as("the connection works in autocommit").isEqualTo(1);
    } finally {
      Mono.from(a.close()).block(T);
      Mono.from(b.close()).block(T);
      Files.deleteIfExists(file);
    }
  }
}
