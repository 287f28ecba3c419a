package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.runner.JavaMigration;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.runner.SumFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * The migration lock on MySQL and MariaDB ({@code GET_LOCK}, whose names are server-wide) is per
 * database: runners on two databases of one server run their migrations at the same time, and two
 * runners on one database still exclude each other. A Java migration that signals it started and
 * then waits for the test proves the overlap (and, on one database, that the second runner waits).
 */
class MySqlFamilyMigrationLockIT {
  static final Duration T = Duration.ofSeconds(60);
  static final String HISTORY = "sluice_migrations";

  @TempDir Path dir;

  /** A migration that completes {@code started} and then waits for {@code proceed}. */
  static final class Gate implements JavaMigration {
    final CompletableFuture<Void> started = new CompletableFuture<>();
    final CompletableFuture<Void> proceed = new CompletableFuture<>();

    @Override public String name() { return "20260101000000_gate"; }

    @Override public Mono<Void> up(Database db) {
      return Mono.fromRunnable(() -> started.complete(null)).then(Mono.fromFuture(proceed));
    }

    @Override public Mono<Void> down(Database db) { return Mono.empty(); }
  }

  static LiveTarget target(String kind, String purpose) {
    return kind.equals("mysql") ? LiveTarget.mysqlOnMariaDb(purpose) : LiveTarget.mariadb(purpose);
  }

  static String databaseOf(LiveTarget t) {
    return t.url().substring(t.url().lastIndexOf('/') + 1);
  }

  /** How a migration run stands: running, done, or failed with what. */
  static String state(CompletableFuture<?> run) {
    if (!run.isDone()) {
      return "still running";
    }
    try {
      run.getNow(null);
      return "done";
    } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
      return "failed: " + (e.getCause() == null ? e : e.getCause());
    }
  }

  static Long holder(Database admin, String lock) {
    return admin.sql("SELECT IS_USED_LOCK({0}) AS holder", lock).fetch().next()
        .map(r -> {
          Number n = r.get("holder", Number.class);
          return n == null ? -1L : n.longValue();
        }).block(T);
  }

  Migrator migrator(Database db, Gate gate, Duration lockTimeout) throws IOException {
    new SumFile(dir).write();
    return Migrator.builder(db).directory(dir).javaMigrations(gate).lockTimeout(lockTimeout).build();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb", "mysql"})
  void runnersOnTwoDatabasesOfOneServerMigrateAtTheSameTime(String kind) throws Exception {
    LiveTarget one = target(kind, "lock_one");
    LiveTarget two = target(kind, "lock_two");
    Database a = one.open();
    Database b = two.open();
    Database admin = one.open();
    Gate gateA = new Gate();
    Gate gateB = new Gate();
    try {
      CompletableFuture<Reports.MigrateReport> runA = migrator(a, gateA, T).migrate().toFuture();
      CompletableFuture<Reports.MigrateReport> runB = migrator(b, gateB, T).migrate().toFuture();
      // both migrations are running at once: with one server-wide lock the second would wait for the first
      String lockA = databaseOf(one) + "." + HISTORY;
      String lockB = databaseOf(two) + "." + HISTORY;
      try {
        CompletableFuture.allOf(gateA.started, gateB.started).get(T.toSeconds(), TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("both migrations did not start within " + T + ": A started " + gateA.started.isDone()
            + " (run " + state(runA) + "), B started " + gateB.started.isDone() + " (run " + state(runB)
            + "); holder of " + lockA + " " + holder(admin, lockA)
            + ", of " + lockB + " " + holder(admin, lockB) + ", of " + HISTORY + " " + holder(admin, HISTORY), e);
      }
      long holderA = holder(admin, lockA);
      long holderB = holder(admin, lockB);
      assertThat(holderA).as("the connection holding " + lockA).isPositive();
      assertThat(holderB).as("the connection holding " + lockB).isPositive().isNotEqualTo(holderA);
      assertThat(holder(admin, HISTORY)).as("no server-wide lock").isEqualTo(-1L);
      gateA.proceed.complete(null);
      gateB.proceed.complete(null);
      assertThat(runA.get(30, TimeUnit.SECONDS).applied()).extracting(Reports.Applied::name).containsExactly("20260101000000_gate");
      assertThat(runB.get(30, TimeUnit.SECONDS).applied()).extracting(Reports.Applied::name).containsExactly("20260101000000_gate");
      assertThat(holder(admin, lockA)).as("released").isEqualTo(-1L);
      assertThat(holder(admin, lockB)).as("released").isEqualTo(-1L);
    } finally {
      gateA.proceed.complete(null);
      gateB.proceed.complete(null);
      a.close().onErrorResume(e -> Mono.empty()).block(T);
      b.close().onErrorResume(e -> Mono.empty()).block(T);
      admin.close().block(T);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb", "mysql"})
  void twoRunnersOnOneDatabaseStillExcludeEachOther(String kind) throws Exception {
    LiveTarget target = target(kind, "lock_same");
    Database a = target.open();
    Database b = target.open();
    Database admin = target.open();
    Gate gateA = new Gate();
    String lock = databaseOf(target) + "." + HISTORY;
    try {
      CompletableFuture<Reports.MigrateReport> runA = migrator(a, gateA, T).migrate().toFuture();
      gateA.started.get(20, TimeUnit.SECONDS);
      assertThat(holder(admin, lock)).as("runner A holds " + lock).isPositive();
      Gate gateB = new Gate();
      gateB.proceed.complete(null);
      long start = System.nanoTime();
      assertThatThrownBy(() -> migrator(b, gateB, Duration.ofSeconds(1)).migrate().block(T))
          .isInstanceOf(MigrationException.class)
          .hasMessage("Another runner holds the migration lock " + lock + " (waited 1 s)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("runner B waited for the lock")
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));
      assertThat(gateB.started).as("runner B ran nothing").isNotDone();

      // a runner that waits longer gets the lock once A is done, and finds nothing left to apply
      CompletableFuture<Reports.MigrateReport> runB = migrator(b, gateB, T).migrate().toFuture();
      Thread.sleep(300);
      assertThat(runB).as("runner B waits while A holds the lock").isNotDone();
      gateA.proceed.complete(null);
      assertThat(runA.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
      assertThat(runB.get(30, TimeUnit.SECONDS).applied()).isEmpty();
      assertThat(gateB.started).isNotDone();
      assertThat(admin.sql("SELECT COUNT(*) AS n FROM sluice_migrations").fetch().next()
          .map(r -> r.get("n", Number.class).longValue()).block(T)).isEqualTo(1L);
    } finally {
      gateA.proceed.complete(null);
      a.close().onErrorResume(e -> Mono.empty()).block(T);
      b.close().onErrorResume(e -> Mono.empty()).block(T);
      admin.close().block(T);
    }
  }
}
