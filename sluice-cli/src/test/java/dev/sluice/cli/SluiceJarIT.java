package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar run as {@code java -jar sluice.jar ...} in a child process, on an SQLite file: the
 * whole workflow (generate from schema classes on --classpath, status, migrate, status, push,
 * pull, rollback), checked by exit code and output, and the config file instead of flags.
 */
class SluiceJarIT {
  @TempDir Path tmp;
  private Path jar;
  private String url;
  private String out;
  private String err;

  @BeforeEach
  void paths() {
    jar = Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
    assertThat(jar).exists();
    url = "r2dbc:sqlite:///" + tmp.resolve("app.db");
  }

  private int sluice(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLUICE_"));
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sluice %s finished", command).isTrue();
    out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
    err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
    return p.exitValue();
  }

  @Test
  void theWholeWorkflowOnAnSqliteFile() throws Exception {
    String classes = System.getProperty("sluice.test.classes", "target/test-classes");
    assertThat(sluice("generate", "init", "--url", url, "--schema", "dev.sluice.cli.schema", "--classpath", classes))
        .as(err).isZero();
    assertThat(out).matches("(?s)Wrote .*db/migrations/\\d{14}_init \\(2 changes\\)\\s*");
    assertThat(tmp.resolve("db/migrations/sluice.sum")).exists();

    assertThat(sluice("status", "--url", url, "--json")).as(err).isZero();
    assertThat(out).matches("\\{\"applied\": \\[\\], \"pending\": \\[\"\\d{14}_init\"\\], .*\\}\\s*");

    assertThat(sluice("migrate", "--url", url)).as(err).isZero();
    assertThat(out).matches("(?s)applied \\d{14}_init \\(\\d+ ms\\)\\s+Applied 1 migration in \\d+ ms\\.\\s*");
    assertThat(out).doesNotContain("\u001b[");   // no terminal: no colours

    assertThat(sluice("status", "--url", url)).as(err).isZero();
    assertThat(out).contains("applied  ").endsWith("1 applied, 0 pending.\n");

    assertThat(sluice("push", "--url", url, "--schema", "dev.sluice.cli.schema", "--classpath", classes, "--dry-run")).isZero();
    assertThat(out).contains("Nothing to push: the database matches the schema code.");

    assertThat(sluice("pull", "--url", url, "--package", "com.acme.pulled", "--out", "src", "--json")).as(err).isZero();
    assertThat(out).contains("\"tables\": [\"authors\", \"notes\"]");
    assertThat(tmp.resolve("src/com/acme/pulled/Notes.java")).content().contains("extends Table<Note>");

    assertThat(sluice("rollback", "--url", url, "--json")).as(err).isZero();
    assertThat(out).startsWith("{\"rolledBack\": [\"");
  }

  @Test
  void theConfigFileStandsInForFlagsAndBadUsageExitsTwo() throws Exception {
    Files.writeString(tmp.resolve("sluice.properties"), "url=" + url + "\ndir=migrations\n");
    assertThat(sluice("status", "--json")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("{\"applied\": [], \"pending\": [], \"changed\": [], \"missing\": [], \"failed\": []}");
    assertThat(sluice("new", "hand_written")).as(err).isZero();
    assertThat(tmp.resolve("migrations")).isDirectory();

    Files.delete(tmp.resolve("sluice.properties"));
    assertThat(sluice("migrate")).isEqualTo(2);
    assertThat(err).contains("Missing the database URL");
    assertThat(sluice("--version")).isZero();
    assertThat(out).startsWith("sluice ");
  }

  @Test
  void theJarCarriesTheH2AndPostgresqlDrivers() throws Exception {
    String classes = System.getProperty("sluice.test.classes", "target/test-classes");
    assertThat(sluice("push", "--dry-run", "--json", "--url", "r2dbc:h2:mem:///jar", "--schema", "dev.sluice.cli.schema",
        "--classpath", classes)).as(err).isZero();
    assertThat(out).contains("\"dryRun\": true").contains("CREATE TABLE");

    boolean pg;
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", 5432), 1000);
      pg = true;
    } catch (IOException e) {
      pg = false;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(pg || "true".equals(System.getenv("CI")), "PostgreSQL is not running on 5432");
    // a dry run only reads the catalog: the maintenance database is left as it is
    assertThat(sluice("push", "--dry-run", "--json", "--allow-data-loss", "--url", "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres",
        "--schema", "dev.sluice.cli.schema", "--classpath", classes)).as(err).isZero();
    assertThat(out).contains("\"applied\": false").contains("authors");
  }

  @Test
  void theJarCarriesTheSqlServerAndOracleDrivers() throws Exception {
    // nothing listens on port 1: the driver is found and the connection refused (exit 1), not "no driver"
    assertThat(sluice("status", "--json", "--url", "r2dbc:mssql://sa:secret@127.0.0.1:1/master", "--dir",
        tmp.resolve("none").toString())).as(out + err).isEqualTo(1);
    assertThat(out).contains("Could not connect").contains("Connection refused").doesNotContain("Available drivers");
    assertThat(sluice("status", "--json", "--url", "r2dbc:oracle://scott:tiger@127.0.0.1:1/FREEPDB1", "--dir",
        tmp.resolve("none").toString())).as(out + err).isEqualTo(1);
    assertThat(out).contains("ORA-12541").doesNotContain("Available drivers");
    assertThat(sluice("status", "--json", "--url", "r2dbc:nosuch://a@127.0.0.1:1/x", "--dir", tmp.resolve("none").toString()))
        .isEqualTo(1);
    assertThat(out).as("the contrast: no driver").contains("Available drivers").contains("sqlserver").contains("oracle");
  }
}
