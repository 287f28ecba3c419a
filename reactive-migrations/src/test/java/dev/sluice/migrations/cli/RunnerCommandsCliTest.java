package dev.sluice.migrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.fixtures.seeders.SeedTables;
import dev.sluice.migrations.runner.SumFile;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice migrate --target}, {@code rollback --to}, {@code refresh} and {@code seed} on an embedded SQLite file. */
class RunnerCommandsCliTest {
  @TempDir Path tmp;
  private String url;
  private Path dir;
  private String out;
  private String err;

  @BeforeEach
  void paths() throws Exception {
    url = "r2dbc:sqlite:///" + tmp.resolve("app.db").toAbsolutePath();
    dir = tmp.resolve("migrations");
    for (String t : new String[] {"a", "b", "c"}) {
      Path d = Files.createDirectories(dir.resolve("2026010" + (t.charAt(0) - 'a' + 1) + "000000_" + t));
      Files.writeString(d.resolve("up.sql"), "CREATE TABLE t_" + t + " (id INT);\n");
      Files.writeString(d.resolve("down.sql"), "DROP TABLE t_" + t + ";\n");
    }
    new SumFile(dir).write();
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SluiceCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(o, true), new PrintWriter(e, true), false);
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void migrateToATargetRollbackToANameAndRefresh() {
    assertThat(run("migrate", "--url", url, "--dir", dir.toString(), "--target", "20260102000000_b", "--json"))
        .as(() -> err).isZero();
    assertThat(out).contains("\"name\": \"20260101000000_a\"").contains("\"name\": \"20260102000000_b\"").doesNotContain("_c");
    assertThat(run("migrate", "--url", url, "--dir", dir.toString(), "--target", "20260109000000_nope")).isEqualTo(SluiceCli.FAILED);
    assertThat(err).contains("No migration is named 20260109000000_nope");
    assertThat(run("migrate", "--url", url, "--dir", dir.toString())).isZero();
    assertThat(out).contains("applied 20260103000000_c");

    assertThat(run("rollback", "--url", url, "--dir", dir.toString(), "--to", "20260101000000_a", "--json")).isZero();
    assertThat(out.trim()).startsWith("{\"rolledBack\": [\"20260103000000_c\", \"20260102000000_b\"], \"durationsMs\": [");

    assertThat(run("refresh", "--url", url, "--dir", dir.toString(), "--json")).as(() -> err).isZero();
    assertThat(out.trim()).isEqualTo("{\"rolledBack\": [\"20260101000000_a\"], \"applied\": [\"20260101000000_a\", "
        + "\"20260102000000_b\", \"20260103000000_c\"], \"repeatables\": []}");
  }

  @Test
  void seedRunsThePackagesSeedersOnceThenSkipsThem() {
    Database db = Database.builder().url(url).build();
    try {
      db.createTables(SeedTables.CLUBS, SeedTables.MEMBERS).block(Duration.ofSeconds(30));
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
    assertThat(run("seed", "--url", url, "--seeders", "dev.sluice.migrations.fixtures.seeders", "--json")).as(() -> err).isZero();
    assertThat(out.trim()).isEqualTo("{\"ran\": [\"Clubs\", \"Members\"], \"skipped\": []}");
    assertThat(run("seed", "--url", url, "--seeders", "dev.sluice.migrations.fixtures.seeders")).isZero();
    assertThat(out).contains("skipped  Clubs").contains("skipped  Members");
    assertThat(run("seed", "--url", url, "--seeders", "dev.sluice.migrations.fixtures.javamig")).isEqualTo(SluiceCli.FAILED);
    assertThat(err).contains("No Seeder class found in package dev.sluice.migrations.fixtures.javamig");
  }

  @Test
  void baselineRecordsWithoutRunningStatusShowsItAndASecondBaselineExitsTen() throws Exception {
    assertThat(run("baseline", "--url", url, "--dir", dir.toString())).isEqualTo(SluiceCli.USAGE);
    assertThat(err).contains("Missing required option: '--to=NAME'");
    assertThat(run("baseline", "--url", url, "--dir", dir.toString(), "--to", "20260102000000_b")).as(() -> err).isZero();
    assertThat(out).isEqualTo("baselined 20260101000000_a\nbaselined 20260102000000_b\nBaselined 2 migrations (recorded, not run).\n");
    assertThat(run("status", "--url", url, "--dir", dir.toString())).isZero();
    assertThat(out).isEqualTo("baseline 20260101000000_a\nbaseline 20260102000000_b\npending  20260103000000_c\n"
        + "2 baselined, 0 applied, 1 pending.\n");
    assertThat(run("status", "--url", url, "--dir", dir.toString(), "--json")).isZero();
    assertThat(out.trim()).isEqualTo("{\"applied\": [], \"pending\": [\"20260103000000_c\"], \"changed\": [], \"missing\": [],"
        + " \"failed\": [], \"baselined\": [\"20260101000000_a\", \"20260102000000_b\"]}");
    assertThat(run("baseline", "--url", url, "--dir", dir.toString(), "--to", "20260103000000_c", "--json"))
        .isEqualTo(SluiceCli.BASELINE_REFUSED);
    assertThat(out.trim()).isEqualTo("{\"error\": \"Cannot baseline: the history table sluice_migrations already has 2 rows;"
        + " a baseline is for a database Sluice has not migrated yet. Nothing was written.\", \"exitCode\": 10,"
        + " \"type\": \"BaselineRefusedException\"}");
    // t_a and t_b were never created: migrate applies c only
    assertThat(run("migrate", "--url", url, "--dir", dir.toString(), "--json")).as(() -> err).isZero();
    assertThat(out).contains("\"name\": \"20260103000000_c\"").doesNotContain("_a\"").doesNotContain("_b\"");
  }

  @Test
  void javaMigrationsNamedByPackageOrClassRunAmongTheSqlOnesAndAWrongClassExitsNine() throws Exception {
    Files.writeString(dir.resolve("20260101000000_a/up.sql"), "CREATE TABLE people (id INT, name VARCHAR(20), upper_name VARCHAR(20));\n"
        + "INSERT INTO people (id, name) VALUES (1, 'ada');\n");
    new SumFile(dir).write();
    assertThat(run("migrate", "--url", url, "--dir", dir.toString(), "--java-migrations", "dev.sluice.migrations.fixtures.javamig"))
        .as(() -> err).isZero();
    assertThat(out).containsSubsequence("applied 20260101000000_a", "applied 20260102000000_upper_names", "applied 20260103000000_c");
    Database db = Database.builder().url(url).build();
    try {
      assertThat(db.sql("SELECT upper_name FROM people").fetch().map(r -> r.get(0, String.class)).collectList()
          .block(Duration.ofSeconds(30))).containsExactly("ADA");
    } finally {
      db.close().block(Duration.ofSeconds(10));
    }
    assertThat(run("status", "--url", url, "--dir", dir.toString(), "--java-migrations",
        "dev.sluice.migrations.fixtures.javamig.V20260102000000_upper_names")).isZero();
    assertThat(out).endsWith("4 applied, 0 pending.\n");
    // from the environment, a package and a class, split like the flag's value
    StringWriter o = new StringWriter();
    assertThat(SluiceCli.run(new String[] {"status", "--url", url, "--dir", dir.toString(), "--json"},
        new ByteArrayInputStream(new byte[0]), new PrintWriter(o, true), new PrintWriter(new StringWriter(), true), false,
        java.util.Map.of("SLUICE_JAVA_MIGRATIONS", "dev.sluice.migrations.fixtures.javamig, "
            + "dev.sluice.migrations.fixtures.javacount.V20260102000005_count_run"))).isZero();
    assertThat(o.toString()).contains("\"pending\": [\"20260102000005_count_run\"]")
        .contains("\"20260102000000_upper_names\"");
    assertThat(run("status", "--url", url, "--dir", dir.toString(), "--java-migrations", "java.lang.String")).isEqualTo(SluiceCli.MIGRATION_CLASS);
    assertThat(err).contains("Class java.lang.String is not a Java migration");
    assertThat(run("status", "--url", url, "--dir", dir.toString(), "--classpath", tmp.resolve("nope").toString()))
        .isEqualTo(SluiceCli.USAGE);
    assertThat(err).contains("Class path entry not found: " + tmp.resolve("nope").toAbsolutePath());
  }
}
