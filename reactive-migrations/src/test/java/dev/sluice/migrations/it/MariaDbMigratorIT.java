package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.PartialMigrationException;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.runner.SumFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

class MariaDbMigratorIT extends MigratorContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mariadb(purpose); }

  @Override protected boolean transactionalDdl() { return false; }

  @Test
  void aRunnerWhoseConnectionIsKilledMidStatementLeavesGetLockReleased(@TempDir Path dir) throws Exception {
    LiveTarget target = LiveTarget.mariadb("killed");
    String database = target.url().substring(target.url().lastIndexOf('/') + 1);
    Path m = Files.createDirectories(dir.resolve("20260101000000_slow"));
    Files.writeString(m.resolve("up.sql"), "SELECT SLEEP(30);\nCREATE TABLE slow (id INT);\n");
    new SumFile(dir).write();
    Database a = target.open();
    Database b = target.open();
    Database admin = target.open();
    try {
      var running = Migrator.builder(a).directory(dir).build().migrate().toFuture();
      // wait until runner A sleeps inside the migration, holding GET_LOCK, then kill its connection
      Long id = Mono.defer(() -> admin.sql("SELECT ID AS id FROM information_schema.PROCESSLIST"
                  + " WHERE DB = {0} AND INFO LIKE {1}", database, "SELECT SLEEP%").fetch().next()
              .map(r -> r.get("id", Number.class).longValue()))
          .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(50))).block(Duration.ofSeconds(20));
      String lock = database + ".sluice_migrations";   // GET_LOCK names are server-wide: the lock names the database
      assertThat(admin.sql("SELECT IS_USED_LOCK({0}) AS holder", lock).fetch().next()
          .map(r -> r.get("holder", Number.class).longValue()).block(Duration.ofSeconds(10))).isEqualTo(id);
      admin.sql("KILL {0}", id).execute().block(Duration.ofSeconds(10));
      assertThatThrownBy(running::join).hasCauseInstanceOf(PartialMigrationException.class)
          .cause().satisfies(e -> {
            PartialMigrationException p = (PartialMigrationException) e;
            assertThat(p.failedStatement()).isEqualTo("SELECT SLEEP(30)");
            assertThat(p.appliedStatements()).isEmpty();
          });
      // the server released the dead session's lock
      assertThat(Mono.defer(() -> admin.sql("SELECT IS_USED_LOCK({0}) AS holder", lock).fetch().next()
              .filter(r -> r.get("holder", Number.class) == null))
          .repeatWhenEmpty(5, r -> r.delayElements(Duration.ofMillis(100))).blockOptional(Duration.ofSeconds(10))).isPresent();

      long start = System.nanoTime();
      Files.writeString(m.resolve("up.sql"), "CREATE TABLE slow (id INT);\n");
      new SumFile(dir).write();
      Reports.MigrateReport r = Migrator.builder(b).directory(dir).lockTimeout(Duration.ofSeconds(60)).build().migrate()
          .block(Duration.ofSeconds(30));
      assertThat(r.applied()).extracting(Reports.Applied::name).containsExactly("20260101000000_slow");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(b.sql("SELECT COUNT(*) AS n FROM sluice_migrations").fetch().next()
          .map(row -> row.get("n", Number.class).longValue()).block(Duration.ofSeconds(10))).isEqualTo(1L);
    } finally {
      a.close().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(10));
      b.close().block(Duration.ofSeconds(10));
      admin.close().block(Duration.ofSeconds(10));
    }
  }
}
