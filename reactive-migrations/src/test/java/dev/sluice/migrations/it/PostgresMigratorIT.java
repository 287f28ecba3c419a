package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PostgresMigratorIT extends MigratorContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.postgres(purpose); }

  @Override protected boolean transactionalDdl() { return true; }

  @Test
  void aRunnerWhoseConnectionIsKilledMidRunLeavesTheLockReleased(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    LiveTarget target = LiveTarget.postgres("killed");
    Path m = Files.createDirectories(dir.resolve("20260101000000_slow"));
    Files.writeString(m.resolve("up.sql"), "CREATE TABLE slow (id INT);\nSELECT pg_sleep(30);\n");
    Database a = target.open();
    Database b = target.open();
    Database admin = target.open();
    try {
      var running = Migrator.builder(a).directory(dir).build().migrate().toFuture();
      // wait until runner A holds the advisory lock, then kill its backend
      Integer pid = Mono.defer(() -> admin.sql("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted")
              .fetch().next().map(r -> r.get("pid", Integer.class)))
          .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(50))).block(Duration.ofSeconds(20));
      admin.sql("SELECT pg_terminate_backend({0})", pid).fetch().then().block(Duration.ofSeconds(10));
      assertThatThrownBy(running::join).hasCauseInstanceOf(dev.sluice.ConnectionLostException.class)
          .hasMessageContaining("terminating connection due to administrator command");

      long start = System.nanoTime();
      Files.writeString(m.resolve("up.sql"), "CREATE TABLE slow (id INT);\n");
      Reports.MigrateReport r = Migrator.builder(b).directory(dir).build().migrate().block(Duration.ofSeconds(20));
      assertThat(r.applied()).extracting(Reports.Applied::name).containsExactly("20260101000000_slow");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(b.sql("SELECT COUNT(*) AS n FROM sluice_migrations").fetch().next()
          .map(row -> row.get("n", Long.class)).block(Duration.ofSeconds(10))).isEqualTo(1L);
    } finally {
      a.close().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(10));
      b.close().block(Duration.ofSeconds(10));
      admin.close().block(Duration.ofSeconds(10));
    }
  }
}
