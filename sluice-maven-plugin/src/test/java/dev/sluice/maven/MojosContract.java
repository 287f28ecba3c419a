package dev.sluice.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.runner.SumFile;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals as Maven runs them: each mojo made, its parameters set as the plugin's configuration
 * would set them, {@code execute()} called on a live database; checked by the rows and history left
 * and the exact failure the build would show.
 */
abstract class MojosContract {
  private static final Duration T = Duration.ofSeconds(60);
  @TempDir Path tmp;
  private Path dir;
  private String url;

  /** The URL of a fresh database for one test. */
  protected abstract String freshDatabase(String purpose);

  /** Sets what the URL lacks (a user) on a mojo, as {@code <user>} would. */
  protected void credentials(SluiceMojo m) { }

  @BeforeEach
  void paths() {
    dir = tmp.resolve("migrations");
  }

  private <M extends SluiceMojo> M mojo(M m, String javaMigrations) {
    m.url = url;
    m.dir = dir.toFile();
    m.javaMigrations = javaMigrations;
    m.outputDirectory = new File(tmp.toFile(), "no-classes-here");   // as in a project not compiled yet
    credentials(m);
    return m;
  }

  private List<String> query(String sql) {
    Database db = Database.builder().url(url).poolSize(1).build();
    try {
      return db.sql(sql).fetch().map(r -> String.valueOf(r.get(0, Object.class))).collectList().block(T);
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void generateMigrateStatusRollbackAndCheckRunTheJavaMigrationsOfAPackage() throws Exception {
    url = freshDatabase("flow");
    GenerateMojo generate = mojo(new GenerateMojo(), null);
    generate.name = "init";
    generate.schema = "dev.sluice.maven.fixtures.Schema";
    generate.execute();
    assertThat(generate.report.migration()).isNotNull();
    String init = generate.report.migration().name();
    assertThat(init).matches("\\d{14}_init");
    assertThat(dir.resolve(init).resolve("up.sql")).content().contains("CREATE TABLE").contains("notes");
    assertThat(dir.resolve("sluice.sum")).exists();

    MigrateMojo migrate = mojo(new MigrateMojo(), "dev.sluice.maven.fixtures");
    migrate.execute();
    assertThat(migrate.report.applied()).extracting(Reports.Applied::name).containsExactly(init, "20990101000000_fill_notes");
    assertThat(query("SELECT body FROM notes")).containsExactly("from the Maven plugin");
    assertThat(query("SELECT name FROM sluice_migrations ORDER BY name")).containsExactly(init, "20990101000000_fill_notes");

    StatusMojo status = mojo(new StatusMojo(), "dev.sluice.maven.fixtures.V20990101000000_fill_notes");
    status.execute();
    assertThat(status.report.applied()).containsExactly(init, "20990101000000_fill_notes");
    assertThat(status.report.pending()).isEmpty();

    RollbackMojo rollback = mojo(new RollbackMojo(), "dev.sluice.maven.fixtures");
    rollback.execute();
    assertThat(rollback.report.rolledBack()).extracting(Reports.Applied::name).containsExactly("20990101000000_fill_notes");
    assertThat(query("SELECT COUNT(*) FROM notes")).containsExactly("0");

    CheckMojo check = mojo(new CheckMojo(), "dev.sluice.maven.fixtures");
    check.execute();
    assertThat(check.report.ok()).isTrue();

    Files.writeString(dir.resolve(init).resolve("up.sql"), "-- edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
    CheckMojo offline = mojo(new CheckMojo(), null);
    offline.url = null;
    assertThatThrownBy(offline::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("sluice:check found 1 problem(s): integrity: ").hasMessageContaining(init);
  }

  @Test
  void baselineRecordsWithoutRunningIsRefusedOnAHistoryAndFailuresFailTheBuildWithTheirMessage() throws Exception {
    url = freshDatabase("baseline");
    for (String t : List.of("a", "b")) {
      Path d = Files.createDirectories(dir.resolve("2026010" + (t.charAt(0) - 'a' + 1) + "000000_" + t));
      Files.writeString(d.resolve("up.sql"), "CREATE TABLE mvn_" + t + " (id INT);\n");
      Files.writeString(d.resolve("down.sql"), "DROP TABLE mvn_" + t + ";\n");
    }
    new SumFile(dir).write();

    BaselineMojo baseline = mojo(new BaselineMojo(), null);
    baseline.to = "20260101000000_a";
    baseline.execute();
    assertThat(baseline.report.baselined()).containsExactly("20260101000000_a");
    assertThat(query("SELECT name || ' ' || CAST(duration_ms AS CHAR(20)) FROM sluice_migrations").get(0).strip())
        .isEqualTo("20260101000000_a -1");
    StatusMojo status = mojo(new StatusMojo(), null);
    status.execute();
    assertThat(status.report.baselined()).containsExactly("20260101000000_a");
    assertThat(status.report.pending()).containsExactly("20260102000000_b");

    BaselineMojo again = mojo(new BaselineMojo(), null);
    again.to = "20260102000000_b";
    assertThatThrownBy(again::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:baseline failed: Cannot baseline: the history table sluice_migrations already has 1 row;"
            + " a baseline is for a database Sluice has not migrated yet. Nothing was written.");
    assertThat(query("SELECT COUNT(*) FROM sluice_migrations")).containsExactly("1");

    MigrateMojo noClass = mojo(new MigrateMojo(), "com.acme.Nope");
    assertThatThrownBy(noClass::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:migrate failed: No Java migration found: com.acme.Nope is neither a JavaMigration class"
            + " nor a package holding one on the class path");
    MigrateMojo noDir = mojo(new MigrateMojo(), null);
    noDir.dir = tmp.resolve("nope").toFile();
    assertThatThrownBy(noDir::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:migrate failed: Migrations directory not found: " + tmp.resolve("nope")
            + " (set <dir> or -Dsluice.dir=...)");
    MigrateMojo noUrl = mojo(new MigrateMojo(), null);
    noUrl.url = null;
    assertThatThrownBy(noUrl::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:migrate failed: Missing the database URL: set <url> in the plugin's configuration or -Dsluice.url=...");

    MigrateMojo migrate = mojo(new MigrateMojo(), null);
    migrate.execute();
    assertThat(migrate.report.applied()).extracting(Reports.Applied::name).containsExactly("20260102000000_b");
    Files.writeString(dir.resolve("20260102000000_b/up.sql"), "CREATE TABLE mvn_b (id BIGINT);\n");
    new SumFile(dir).write();
    StatusMojo changed = mojo(new StatusMojo(), null);
    assertThatThrownBy(changed::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sluice:status: applied migrations changed [20260102000000_b] or failed []");
  }
}
