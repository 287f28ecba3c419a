package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.fixtures.javabad.V20260103000000_breaks;
import dev.sluice.migrations.fixtures.javabad.V20260103000000_ddl_then_fails;
import dev.sluice.migrations.fixtures.javacount.V20260102000005_count_run;
import dev.sluice.migrations.fixtures.javamig.V20260102000000_upper_names;
import dev.sluice.migrations.fixtures.seeders.SeedTables;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.runner.SumFile;
import dev.sluice.migrations.seed.SeedReport;
import dev.sluice.migrations.seed.Seeder;
import dev.sluice.migrations.seed.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The runner's other commands on a live database: Java migrations among SQL ones, repeatable
 * migrations, migrate to a target, roll back to a name, refresh, and seeders with a fake-row factory.
 */
abstract class RunnerCommandsContract {
  private static final Duration T = Duration.ofSeconds(120);
  private LiveTarget target;
  private Database db;
  @TempDir Path dir;

  protected abstract LiveTarget target(String purpose);

  /** True where DDL is transactional (PostgreSQL, SQLite): DDL a failed Java migration ran goes with its transaction. */
  protected abstract boolean transactionalDdl();

  @BeforeEach
  void open(TestInfo info) {
    String method = info.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
    target = target(method.substring(0, Math.min(12, method.length())));
    db = target.open();
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  private Migrator.Builder migrator() {
    return Migrator.builder(db).directory(dir).appliedBy("test");
  }

  private long count(String sql) {
    return db.sql(sql).fetch().next().map(r -> r.get(0, Number.class).longValue()).block(T);
  }

  private boolean tableExists(String name) {
    return db.sql("SELECT COUNT(*) FROM " + name).fetch().next().map(r -> true)
        .onErrorResume(e -> Mono.just(false)).block(T);
  }

  private void write(String name, String up, String down) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("up.sql"), up);
    if (down != null) {
      Files.writeString(d.resolve("down.sql"), down);
    }
    new SumFile(dir).write();   // written by hand, accepted as sluice rehash would
  }

  private void writeRepeatable(String name, String sql, String down) throws IOException {
    Path d = Files.createDirectories(dir.resolve("repeatable"));
    Files.writeString(d.resolve(name + ".sql"), sql);
    if (down != null) {
      Files.writeString(d.resolve(name + ".down.sql"), down);
    }
  }

  private static List<String> names(List<Reports.Applied> applied) {
    return applied.stream().map(Reports.Applied::name).toList();
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private void writePeople() throws IOException {
    write("20260101000000_init", "CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(50), upper_name VARCHAR(50));\n"
        + "INSERT INTO people (id, name) VALUES (1, 'ann');\nINSERT INTO people (id, name) VALUES (2, 'bob');\n",
        "DROP TABLE people;\n");
    write("20260103000000_later", "CREATE TABLE later (id INT);\n", "DROP TABLE later;\n");
  }

  private List<String> upperNames() {
    return db.sql("SELECT upper_name FROM people ORDER BY id").fetch()
        .map(r -> String.valueOf(r.get("upper_name", String.class))).collectList().block(T);
  }

  @Test
  void javaMigrationsRunAmongTheSqlOnesByNameAreRecordedAndRollBack() throws Exception {
    writePeople();
    Migrator m = migrator().javaMigrationsIn("dev.sluice.migrations.fixtures.javamig").build();
    Reports.MigrateReport r = m.migrate().block(T);
    assertThat(names(r.applied())).containsExactly("20260101000000_init", "20260102000000_upper_names", "20260103000000_later");
    assertThat(upperNames()).containsExactly("ANN", "BOB");
    assertThat(db.sql("SELECT checksum FROM sluice_migrations WHERE name = {0}", "20260102000000_upper_names").fetch()
        .map(row -> row.get("checksum", String.class)).blockFirst(T))
        .isEqualTo(sha256("java:" + V20260102000000_upper_names.class.getName() + ":1"));
    assertThat(m.status().block(T).applied())
        .containsExactly("20260101000000_init", "20260102000000_upper_names", "20260103000000_later");
    // a migrator that does not know the Java migration sees it as missing, not as pending
    assertThat(migrator().build().status().block(T).missing()).containsExactly("20260102000000_upper_names");

    assertThat(names(m.rollback(2).block(T).rolledBack())).containsExactly("20260103000000_later", "20260102000000_upper_names");
    assertThat(upperNames()).containsExactly("null", "null");
    assertThat(tableExists("later")).isFalse();
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isEqualTo(1);

    m.migrate().block(T);
    db.sql("INSERT INTO people (id, name) VALUES (3, 'cy')").execute().block(T);
    Reports.RefreshReport r2 = m.refresh().block(T);
    assertThat(names(r2.rolledBack())).containsExactly("20260103000000_later", "20260102000000_upper_names", "20260101000000_init");
    assertThat(names(r2.migrated().applied()))
        .containsExactly("20260101000000_init", "20260102000000_upper_names", "20260103000000_later");
    assertThat(upperNames()).containsExactly("ANN", "BOB");
  }

  @Test
  void aFailingJavaMigrationLeavesNeitherItsRowsNorAHistoryRow() throws Exception {
    writePeople();
    Migrator m = migrator().javaMigrations(new V20260102000000_upper_names(), new V20260103000000_breaks()).build();
    assertThatThrownBy(() -> m.migrate().block(T)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("Java migration 20260103000000_breaks failed: backfill found a bad row")
        .hasMessageContaining("rolled back");
    assertThat(count("SELECT COUNT(*) FROM people WHERE id = 99")).isZero();
    assertThat(db.sql("SELECT name FROM sluice_migrations ORDER BY name").fetch().map(row -> row.get("name", String.class))
        .collectList().block(T)).containsExactly("20260101000000_init", "20260102000000_upper_names");
    assertThat(tableExists("later")).isFalse();
    assertThat(m.status().block(T).pending()).containsExactly("20260103000000_breaks", "20260103000000_later");
  }

  @Test
  void ddlOfAFailingJavaMigrationGoesWithItsTransactionWhereDdlIsTransactional() throws Exception {
    writePeople();
    Migrator m = migrator().javaMigrations(new V20260103000000_ddl_then_fails()).build();
    if (transactionalDdl()) {
      assertThatThrownBy(() -> m.migrate().block(T)).isInstanceOf(MigrationException.class)
          .hasMessageContaining("Java migration 20260103000000_ddl_then_fails failed: split went wrong")
          .hasMessageNotContaining("stays");
      assertThat(tableExists("ghost_table")).isFalse();
    } else {
      assertThatThrownBy(() -> m.migrate().block(T)).isInstanceOf(MigrationException.class)
          .hasMessageContaining("Java migration 20260103000000_ddl_then_fails failed: split went wrong")
          .hasMessageContaining("(DDL it ran commits at once on " + target.dialect() + " and stays)");
      assertThat(tableExists("ghost_table")).isTrue();
    }
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isEqualTo(1);
    assertThat(m.status().block(T).pending()).containsExactly("20260103000000_ddl_then_fails", "20260103000000_later");
  }

  /** Why two runners cannot be proven exactly-once here, or null when they can. */
  protected String noConcurrentRunners() { return null; }

  @Test
  void twoRunnersApplyJavaAndRepeatableMigrationsExactlyOnce() throws IOException {
    if (noConcurrentRunners() != null) {
      org.junit.jupiter.api.Assumptions.abort(noConcurrentRunners());
    }
    write("20260101000000_runs", "CREATE TABLE runs (name VARCHAR(50));\n", null);
    for (int i = 1; i <= 3; i++) {
      write("2026010200000" + i + "_m" + i, "INSERT INTO runs (name) VALUES ('m" + i + "');\n", null);
    }
    writeRepeatable("tick", "INSERT INTO runs (name) VALUES ('repeatable');\n", null);
    Database other = target.open();
    try {
      List<Reports.MigrateReport> reports = reactor.core.publisher.Flux.merge(
              Mono.defer(() -> Migrator.builder(db).directory(dir).javaMigrations(new V20260102000005_count_run()).build()
                  .migrate()).subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
              Mono.defer(() -> Migrator.builder(other).directory(dir).javaMigrations(new V20260102000005_count_run()).build()
                  .migrate()).subscribeOn(reactor.core.scheduler.Schedulers.parallel()))
          .collectList().block(T);
      assertThat(reports).hasSize(2);
      assertThat(reports.stream().mapToInt(r -> r.applied().size()).sum()).isEqualTo(5);
      assertThat(reports.stream().mapToInt(r -> r.repeatables().size()).sum()).isEqualTo(1);
      assertThat(db.sql("SELECT name FROM runs ORDER BY name").fetch().map(r -> r.get("name", String.class)).collectList()
          .block(T)).containsExactly("java", "m1", "m2", "m3", "repeatable");
      assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isEqualTo(6);
    } finally {
      other.close().block(T);
    }
  }

  @Test
  void repeatableMigrationsRunAfterTheVersionedOnesAndAgainWhenTheyChange() throws IOException {
    write("20260101000000_items", "CREATE TABLE items (id INT PRIMARY KEY, price INT);\n"
        + "INSERT INTO items (id, price) VALUES (1, 10);\nINSERT INTO items (id, price) VALUES (2, 20);\n", "DROP TABLE items;\n");
    write("20260102000000_more", "INSERT INTO items (id, price) VALUES (3, 5);\n", "DELETE FROM items WHERE id = 3;\n");
    writeRepeatable("cheap_items", "DROP VIEW IF EXISTS cheap_items;\nCREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 15;\n",
        "DROP VIEW IF EXISTS cheap_items;\n");
    Migrator m = migrator().build();
    assertThat(m.status().block(T).repeatablesDue()).containsExactly("repeatable/cheap_items");

    // with a migration still pending, repeatables wait
    Reports.MigrateReport first = m.migrateTo("20260101000000_items").block(T);
    assertThat(names(first.applied())).containsExactly("20260101000000_items");
    assertThat(first.repeatables()).isEmpty();
    assertThat(tableExists("cheap_items")).isFalse();

    Reports.MigrateReport all = m.migrate().block(T);
    assertThat(names(all.applied())).containsExactly("20260102000000_more");
    assertThat(names(all.repeatables())).containsExactly("repeatable/cheap_items");
    assertThat(count("SELECT COUNT(*) FROM cheap_items")).isEqualTo(2);

    Reports.MigrateReport again = m.migrate().block(T);
    assertThat(again.applied()).isEmpty();
    assertThat(again.repeatables()).isEmpty();
    assertThat(m.status().block(T).repeatablesDue()).isEmpty();

    // edited: no rehash needed (repeatables are not in sluice.sum), it runs again and its row is replaced
    writeRepeatable("cheap_items", "DROP VIEW IF EXISTS cheap_items;\nCREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 25;\n", null);
    assertThat(m.status().block(T).repeatablesDue()).containsExactly("repeatable/cheap_items");
    assertThat(names(m.migrate().block(T).repeatables())).containsExactly("repeatable/cheap_items");
    assertThat(count("SELECT COUNT(*) FROM cheap_items")).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isEqualTo(3);
    Reports.StatusReport s = m.status().block(T);
    assertThat(s.applied()).containsExactly("20260101000000_items", "20260102000000_more");
    assertThat(s.missing()).isEmpty();
    assertThat(s.repeatablesDue()).isEmpty();
  }

  @Test
  void aFailingRepeatableMigrationKeepsItsOldRowAndRunsAgainOnceFixed() throws IOException {
    write("20260101000000_items", "CREATE TABLE items (id INT PRIMARY KEY, price INT);\n"
        + "INSERT INTO items (id, price) VALUES (1, 10);\n", "DROP TABLE items;\n");
    writeRepeatable("cheap_items", "DROP VIEW IF EXISTS cheap_items;\nCREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 15;\n", null);
    Migrator m = migrator().build();
    m.migrate().block(T);
    String before = db.sql("SELECT checksum FROM sluice_migrations WHERE name = {0}", "repeatable/cheap_items").fetch()
        .map(r -> r.get("checksum", String.class)).blockFirst(T);
    writeRepeatable("cheap_items", "DROP VIEW IF EXISTS cheap_items;\nINSERT INTO no_such_items VALUES (1);\n", null);
    if (transactionalDdl()) {
      assertThatThrownBy(() -> m.migrate().block(T)).hasMessageContaining("no_such_items");
      assertThat(count("SELECT COUNT(*) FROM cheap_items")).isEqualTo(1);   // the DROP VIEW went with the transaction
    } else {
      assertThatThrownBy(() -> m.migrate().block(T)).isInstanceOfSatisfying(dev.sluice.migrations.runner.PartialMigrationException.class,
          e -> {
            assertThat(e.failedStatement()).isEqualTo("INSERT INTO no_such_items VALUES (1)");
            assertThat(e.appliedStatements()).containsExactly("DROP VIEW IF EXISTS cheap_items");
          }).hasMessageContaining("it runs again at the next migrate");
      assertThat(tableExists("cheap_items")).isFalse();
    }
    assertThat(db.sql("SELECT checksum FROM sluice_migrations WHERE name = {0}", "repeatable/cheap_items").fetch()
        .map(r -> r.get("checksum", String.class)).collectList().block(T)).containsExactly(before);
    assertThat(m.status().block(T).repeatablesDue()).containsExactly("repeatable/cheap_items");
    writeRepeatable("cheap_items", "DROP VIEW IF EXISTS cheap_items;\nCREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 5;\n", null);
    assertThat(names(m.migrate().block(T).repeatables())).containsExactly("repeatable/cheap_items");
    assertThat(count("SELECT COUNT(*) FROM cheap_items")).isZero();
  }

  @Test
  void migratesUpToATargetAndRollsBackToAName() throws IOException {
    for (String t : List.of("a", "b", "c")) {
      write("2026010" + (t.charAt(0) - 'a' + 1) + "000000_" + t, "CREATE TABLE t_" + t + " (id INT);\n", "DROP TABLE t_" + t + ";\n");
    }
    Migrator m = migrator().build();
    assertThatThrownBy(() -> m.migrateTo("20260109000000_nope").block(T)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("No migration is named 20260109000000_nope");
    assertThat(tableExists("t_a")).isFalse();

    assertThat(names(m.migrateTo("20260102000000_b").block(T).applied())).containsExactly("20260101000000_a", "20260102000000_b");
    assertThat(m.status().block(T).pending()).containsExactly("20260103000000_c");
    assertThat(tableExists("t_c")).isFalse();
    assertThat(m.migrateTo("20260102000000_b").block(T).applied()).isEmpty();
    assertThat(names(m.migrate().block(T).applied())).containsExactly("20260103000000_c");

    assertThatThrownBy(() -> m.rollbackTo("20260109000000_nope").block(T)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("not an applied migration");
    assertThat(names(m.rollbackTo("20260101000000_a").block(T).rolledBack()))
        .containsExactly("20260103000000_c", "20260102000000_b");
    assertThat(tableExists("t_a")).isTrue();
    assertThat(tableExists("t_b")).isFalse();
    assertThat(tableExists("t_c")).isFalse();
    assertThat(m.status().block(T).applied()).containsExactly("20260101000000_a");
    assertThat(m.rollbackTo("20260101000000_a").block(T).rolledBack()).isEmpty();
  }

  @Test
  void baselineRecordsMigrationsUpToOneWithoutRunningThemAndOnlyOnAnEmptyHistory() throws Exception {
    for (String t : List.of("a", "b", "c")) {
      write("2026010" + (t.charAt(0) - 'a' + 1) + "000000_" + t, "CREATE TABLE bl_" + t + " (id INT);\n", "DROP TABLE bl_" + t + ";\n");
    }
    db.sql("CREATE TABLE bl_a (id INT)").execute().block(T);   // the existing database has a and b already
    db.sql("CREATE TABLE bl_b (id INT)").execute().block(T);
    Migrator m = migrator().build();
    assertThatThrownBy(() -> m.baseline("20260109000000_nope").block(T)).isInstanceOf(MigrationException.class)
        .hasMessage("Cannot baseline to 20260109000000_nope: no migration is named so; known: 20260101000000_a .. 20260103000000_c");
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isZero();

    assertThat(m.baseline("20260102000000_b").block(T).baselined()).containsExactly("20260101000000_a", "20260102000000_b");
    assertThat(db.sql("SELECT name, checksum, duration_ms, success FROM sluice_migrations ORDER BY name").fetch()
        .map(r -> r.get("name", String.class) + " " + r.get("checksum", String.class) + " " + r.get("duration_ms", Number.class).longValue())
        .collectList().block(T))
        .containsExactly("20260101000000_a " + sha256("CREATE TABLE bl_a (id INT);\n") + " -1",
            "20260102000000_b " + sha256("CREATE TABLE bl_b (id INT);\n") + " -1");
    Reports.StatusReport s = m.status().block(T);
    assertThat(s.baselined()).containsExactly("20260101000000_a", "20260102000000_b");
    assertThat(s.applied()).isEmpty();
    assertThat(s.pending()).containsExactly("20260103000000_c");

    // migrate runs only what comes after the baseline (bl_a and bl_b exist: running them again would fail)
    assertThat(names(m.migrate().block(T).applied())).containsExactly("20260103000000_c");
    assertThat(tableExists("bl_c")).isTrue();
    assertThat(m.status().block(T).applied()).containsExactly("20260103000000_c");

    assertThatThrownBy(() -> m.baseline("20260103000000_c").block(T))
        .isInstanceOfSatisfying(dev.sluice.migrations.runner.BaselineRefusedException.class, e -> assertThat(e.rows()).isEqualTo(3))
        .hasMessage("Cannot baseline: the history table sluice_migrations already has 3 rows; a baseline is for a database"
            + " Sluice has not migrated yet. Nothing was written.");
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations WHERE duration_ms = -1")).isEqualTo(2);
  }

  @Test
  void refreshUndoesEverythingThenAppliesItAllAgain() throws IOException {
    write("20260101000000_items", "CREATE TABLE items (id INT PRIMARY KEY, price INT);\n"
        + "INSERT INTO items (id, price) VALUES (1, 10);\n", "DROP TABLE items;\n");
    write("20260102000000_tags", "CREATE TABLE tags (id INT);\n", "DROP TABLE tags;\n");
    writeRepeatable("cheap_items", "DROP VIEW IF EXISTS cheap_items;\nCREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 15;\n",
        "DROP VIEW IF EXISTS cheap_items;\n");
    Migrator m = migrator().build();
    m.migrate().block(T);
    db.sql("INSERT INTO items (id, price) VALUES (2, 12)").execute().block(T);
    db.sql("INSERT INTO tags (id) VALUES (7)").execute().block(T);
    assertThat(count("SELECT COUNT(*) FROM cheap_items")).isEqualTo(2);

    Reports.RefreshReport r = m.refresh().block(T);
    assertThat(names(r.rolledBack())).containsExactly("repeatable/cheap_items", "20260102000000_tags", "20260101000000_items");
    assertThat(names(r.migrated().applied())).containsExactly("20260101000000_items", "20260102000000_tags");
    assertThat(names(r.migrated().repeatables())).containsExactly("repeatable/cheap_items");
    assertThat(count("SELECT COUNT(*) FROM items")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM tags")).isZero();
    assertThat(count("SELECT COUNT(*) FROM cheap_items")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isEqualTo(3);

    // a migration without down.sql: refresh refuses before undoing anything
    write("20260103000000_oneway", "CREATE TABLE oneway (id INT);\n", null);
    m.migrate().block(T);
    db.sql("INSERT INTO items (id, price) VALUES (2, 12)").execute().block(T);
    assertThatThrownBy(() -> m.refresh().block(T)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("20260103000000_oneway cannot be rolled back").hasMessageContaining("nothing was undone");
    assertThat(count("SELECT COUNT(*) FROM items")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM cheap_items")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM sluice_migrations")).isEqualTo(4);
  }

  @Test
  void twoSeedingRunsStartedTogetherRunEachGuardedOrOnceSeederOnce() {
    if (noConcurrentRunners() != null) {
      org.junit.jupiter.api.Assumptions.abort(noConcurrentRunners());
    }
    db.createTables(SeedTables.CLUBS, SeedTables.MEMBERS).block(T);
    Database other = target.open();
    try {
      List<SeedReport> reports = reactor.core.publisher.Flux.merge(
              Mono.defer(() -> Seeds.builder(db).seedersIn("dev.sluice.migrations.fixtures.seeders").build().run())
                  .subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
              Mono.defer(() -> Seeds.builder(other).seedersIn("dev.sluice.migrations.fixtures.seeders").build().run())
                  .subscribeOn(reactor.core.scheduler.Schedulers.parallel()))
          .collectList().block(T);
      assertThat(reports.stream().flatMap(r -> r.ran().stream()).sorted().toList()).containsExactly("Clubs", "Members");
      assertThat(reports.stream().flatMap(r -> r.skipped().stream()).sorted().toList()).containsExactly("Clubs", "Members");
      assertThat(count("SELECT COUNT(*) FROM clubs")).isEqualTo(2);
      assertThat(count("SELECT COUNT(*) FROM members")).isEqualTo(50);
    } finally {
      other.close().block(T);
    }
  }

  /** Writes a club, then fails. */
  static final class Broken implements Seeder {
    @Override public int order() { return 5; }

    @Override public Mono<Void> seed(Database d) {
      return d.insertInto(SeedTables.CLUBS).values(new SeedTables.Club(null, "ghosts")).execute()
          .then(Mono.error(new IllegalStateException("seed data is inconsistent")));
    }
  }

  @Test
  void seedersRunInOrderOnceOrBehindTheirGuardWithFakeRows() {
    db.createTables(SeedTables.CLUBS, SeedTables.MEMBERS).block(T);
    Seeds seeds = Seeds.builder(db).seedersIn("dev.sluice.migrations.fixtures.seeders").build();
    SeedReport first = seeds.run().block(T);
    assertThat(first.ran()).containsExactly("Clubs", "Members");
    assertThat(first.skipped()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM clubs")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM members")).isEqualTo(50);
    assertThat(count("SELECT COUNT(DISTINCT email) FROM members")).isGreaterThan(40);
    assertThat(count("SELECT COUNT(*) FROM members WHERE name = '' OR email NOT LIKE '%@%'")).isZero();

    SeedReport second = seeds.run().block(T);
    assertThat(second.ran()).isEmpty();
    assertThat(second.skipped()).containsExactly("Clubs", "Members");
    assertThat(count("SELECT COUNT(*) FROM clubs")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM members")).isEqualTo(50);
    assertThat(db.sql("SELECT name FROM sluice_seeds").fetch().map(r -> r.get("name", String.class)).collectList().block(T))
        .containsExactly("Clubs");

    Seeds broken = Seeds.builder(db).seedersIn("dev.sluice.migrations.fixtures.seeders").seeders(new Broken()).build();
    assertThatThrownBy(() -> broken.run().block(T)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("Seeder Broken failed: seed data is inconsistent");
    assertThat(count("SELECT COUNT(*) FROM clubs")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM sluice_seeds")).isEqualTo(1);
  }
}
