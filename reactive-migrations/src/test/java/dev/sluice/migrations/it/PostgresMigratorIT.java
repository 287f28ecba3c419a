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
  void anEnumValueAddedAndUsedInOneMigrationIsAddedOutsideItsTransaction(@org.junit.jupiter.api.io.TempDir Path dir) {
    LiveTarget target = LiveTarget.postgres("enumuse");
    Database db = target.open();
    try {
      var mood = new dev.sluice.migrations.snapshot.ColumnType(dev.sluice.schema.SqlKind.ENUM, 0, 0, 0, "mood");
      var id = new dev.sluice.migrations.snapshot.ColumnSnapshot("id", dev.sluice.migrations.snapshot.ColumnType.of(
          dev.sluice.schema.SqlKind.INTEGER), false, null, true);
      var v1 = dev.sluice.migrations.snapshot.SchemaSnapshot.of(
          java.util.List.of(new dev.sluice.migrations.snapshot.EnumSnapshot("mood", java.util.List.of("sad", "happy"))),
          java.util.List.of(new dev.sluice.migrations.snapshot.TableSnapshot("moods", java.util.List.of(id),
              java.util.List.of("id"), null, null, null, null)));
      var v2 = dev.sluice.migrations.snapshot.SchemaSnapshot.of(
          java.util.List.of(new dev.sluice.migrations.snapshot.EnumSnapshot("mood", java.util.List.of("sad", "happy", "calm"))),
          java.util.List.of(new dev.sluice.migrations.snapshot.TableSnapshot("moods", java.util.List.of(id,
              new dev.sluice.migrations.snapshot.ColumnSnapshot("now", mood, false,
                  dev.sluice.migrations.snapshot.ColumnDefault.string("calm"), false)),
              java.util.List.of("id"), null, null, null, null)));
      Migrator m1 = Migrator.builder(db).directory(dir).clock(java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"),
          java.time.ZoneOffset.UTC)).build();
      m1.generate("v1", v1, dev.sluice.migrations.diff.RenameResolver.refuse(), false).block(Duration.ofSeconds(30));
      m1.migrate().block(Duration.ofSeconds(30));
      db.sql("INSERT INTO moods (id) VALUES (1)").execute().block(Duration.ofSeconds(10));
      Migrator m2 = Migrator.builder(db).directory(dir).clock(java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T00:00:00Z"),
          java.time.ZoneOffset.UTC)).build();
      m2.generate("v2", v2, dev.sluice.migrations.diff.RenameResolver.refuse(), true).block(Duration.ofSeconds(30));
      assertThat(m2.migrate().block(Duration.ofSeconds(30)).applied()).hasSize(1);
      assertThat(db.sql("SELECT now::text AS v FROM moods").fetch().map(r -> r.get("v", String.class))
          .collectList().block(Duration.ofSeconds(10))).containsExactly("calm");
      assertThat(m2.rollback(1).block(Duration.ofSeconds(30)).rolledBack()).hasSize(1);
      assertThat(db.sql("SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS v FROM pg_enum e"
          + " JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood'").fetch().next()
          .map(r -> r.get("v", String.class)).block(Duration.ofSeconds(10))).isEqualTo("sad,happy");
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
  }

  @Test
  void aRunnerWhoseConnectionIsKilledMidRunLeavesTheLockReleased(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    LiveTarget target = LiveTarget.postgres("killed");
    Path m = Files.createDirectories(dir.resolve("20260101000000_slow"));
    Files.writeString(m.resolve("up.sql"), "CREATE TABLE slow (id INT);\nSELECT pg_sleep(30);\n");
    new dev.sluice.migrations.runner.SumFile(dir).write();
    Database a = target.open();
    Database b = target.open();
    Database admin = target.open();
    try {
      var running = Migrator.builder(a).directory(dir).build().migrate().toFuture();
      // wait until runner A holds the advisory lock, then kill its backend (only in this test's own
      // database: pg_locks is cluster-wide, and another run's sessions must never be the ones killed)
      Integer pid = Mono.defer(() -> admin.sql("SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
              + " WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()")
              .fetch().next().map(r -> r.get("pid", Integer.class)))
          .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(50))).block(Duration.ofSeconds(20));
      admin.sql("SELECT pg_terminate_backend({0})", pid).fetch().then().block(Duration.ofSeconds(10));
      // killed while it runs a statement ("terminating connection ...") or between two (an I/O
      // error on the next): either way the runner reports the lost connection, not a clean-up error
      assertThatThrownBy(running::join).hasCauseInstanceOf(dev.sluice.error.ConnectionLostException.class);

      long start = System.nanoTime();
      Files.writeString(m.resolve("up.sql"), "CREATE TABLE slow (id INT);\n");
      new dev.sluice.migrations.runner.SumFile(dir).write();
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
