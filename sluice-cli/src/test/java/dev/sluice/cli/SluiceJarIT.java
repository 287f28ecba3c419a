package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar run as {@code java -jar sluice.jar ...} in a child process, on an SQLite file: the
 * whole workflow (generate from schema classes on --classpath, status, migrate, status, push,
 * pull, rollback), checked by exit code and output, and the config file instead of flags; Java
 * migrations and seeders compiled here with {@code javax.tools} and found through {@code --classpath}
 * (SQLite and PostgreSQL), {@code baseline}, {@code openapi} on the schema classes of {@code --classpath}, and
 * {@code studio} serving its page and API from the jar.
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
    assertThat(out.strip()).isEqualTo("{\"applied\": [], \"pending\": [], \"changed\": [], \"missing\": [], \"failed\": [], \"baselined\": []}");
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

  // ---- Java migrations and seeders from --classpath ---------------------------------------------

  private static final String MIGRATION = """
      package com.acme.migrations;

      import dev.sluice.Database;
      import dev.sluice.migrations.runner.JavaMigration;
      import reactor.core.publisher.Mono;

      public final class V20260102000000_fill_notes implements JavaMigration {
        public Mono<Void> up(Database db) {
          return db.sql("INSERT INTO notes (id, body) VALUES ({0}, {1})", 1, "written by Java").execute().then();
        }
        public Mono<Void> down(Database db) {
          return db.sql("DELETE FROM notes WHERE id = {0}", 1).execute().then();
        }
      }
      """;

  private static final String SEEDER = """
      package com.acme.seed;

      import dev.sluice.Database;
      import dev.sluice.migrations.seed.Seeder;
      import reactor.core.publisher.Mono;

      public final class DemoNotes implements Seeder {
        public boolean once() { return true; }
        public Mono<Void> seed(Database db) {
          return db.sql("INSERT INTO notes (id, body) VALUES ({0}, {1})", 2, "seeded").execute().then();
        }
      }
      """;

  /** Compiles the Java migration and the seeder against sluice.jar into {@code classes/}, and writes the SQL migrations. */
  private Path compileAndWriteMigrations() throws IOException {
    Path src = tmp.resolve("src");
    Path classes = tmp.resolve("classes");
    Files.createDirectories(src.resolve("com/acme/migrations"));
    Files.createDirectories(src.resolve("com/acme/seed"));
    Files.createDirectories(classes);
    Path migration = Files.writeString(src.resolve("com/acme/migrations/V20260102000000_fill_notes.java"), MIGRATION);
    Path seeder = Files.writeString(src.resolve("com/acme/seed/DemoNotes.java"), SEEDER);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    assertThat(javac.run(null, null, null, "-classpath", jar.toString(), "-d", classes.toString(),
        migration.toString(), seeder.toString())).as("javac").isZero();
    Path dir = Files.createDirectories(tmp.resolve("db/migrations/20260101000000_init"));
    Files.writeString(dir.resolve("up.sql"), "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n");
    Files.writeString(dir.resolve("down.sql"), "DROP TABLE notes;\n");
    Path later = Files.createDirectories(tmp.resolve("db/migrations/20260103000000_tags"));
    Files.writeString(later.resolve("up.sql"), "CREATE TABLE tags (id INT PRIMARY KEY);\n");
    Files.writeString(later.resolve("down.sql"), "DROP TABLE tags;\n");
    return classes;
  }

  private void javaMigrationsAndSeedersFromTheClassPath(String url) throws Exception {
    String classes = compileAndWriteMigrations().toString();
    assertThat(sluice("rehash")).as(err).isZero();
    String[] java = {"--url", url, "--classpath", classes, "--java-migrations", "com.acme.migrations"};

    assertThat(sluice(concat(new String[] {"status", "--json"}, java))).as(err).isZero();
    assertThat(out).contains("\"pending\": [\"20260101000000_init\", \"20260102000000_fill_notes\", \"20260103000000_tags\"]");

    assertThat(sluice(concat(new String[] {"migrate", "--target", "20260102000000_fill_notes"}, java))).as(err).isZero();
    assertThat(out).containsSubsequence("applied 20260101000000_init", "applied 20260102000000_fill_notes", "Applied 2 migrations");
    assertThat(sluice("status", "--url", url, "--json")).as("status without the Java migration").isZero();
    assertThat(out).contains("\"missing\": [\"20260102000000_fill_notes\"]");
    assertThat(sluice(concat(new String[] {"status", "--json"}, java))).as(err).isZero();
    assertThat(out).contains("\"applied\": [\"20260101000000_init\", \"20260102000000_fill_notes\"]")
        .contains("\"pending\": [\"20260103000000_tags\"]");

    assertThat(sluice("seed", "--url", url, "--classpath", classes, "--seeders", "com.acme.seed", "--json")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("{\"ran\": [\"DemoNotes\"], \"skipped\": []}");
    assertThat(sluice("seed", "--url", url, "--classpath", classes, "--seeders", "com.acme.seed", "--json")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("{\"ran\": [], \"skipped\": [\"DemoNotes\"]}");

    // the Java migration's down() runs on rollback, and its history row goes
    assertThat(sluice(concat(new String[] {"rollback", "--json"}, java))).as(err).isZero();
    assertThat(out).startsWith("{\"rolledBack\": [\"20260102000000_fill_notes\"]");
    assertThat(sluice(concat(new String[] {"status", "--json"}, java))).as(err).isZero();
    assertThat(out).contains("\"applied\": [\"20260101000000_init\"]")
        .contains("\"pending\": [\"20260102000000_fill_notes\", \"20260103000000_tags\"]");

    // a class that is named but missing, or is no JavaMigration: exit 9, nothing applied
    assertThat(sluice("migrate", "--url", url, "--classpath", classes, "--java-migrations", "com.acme.Nope")).isEqualTo(9);
    assertThat(err).contains("No Java migration found: com.acme.Nope is neither a JavaMigration class nor a package holding one");
    assertThat(sluice("migrate", "--url", url, "--classpath", classes, "--java-migrations", "com.acme.seed.DemoNotes", "--json"))
        .isEqualTo(9);
    assertThat(out).contains("\"exitCode\": 9").contains("\"type\": \"MigrationClassException\"")
        .contains("Class com.acme.seed.DemoNotes is not a Java migration");
    assertThat(sluice(concat(new String[] {"status", "--json"}, java))).as(err).isZero();
    assertThat(out).contains("\"applied\": [\"20260101000000_init\"]");
  }

  @Test
  void aNestedYamlConfigNamesTheDatabaseClassPathAndJavaMigrationsAndABadOneExitsTwoWithItsLine() throws Exception {
    String classes = compileAndWriteMigrations().toString();
    assertThat(sluice("rehash")).as(err).isZero();
    Files.writeString(tmp.resolve("sluice.yaml"), """
        sluice:
          database:
            url: "%s"
          classpath:
            - %s
          java-migrations: com.acme.migrations
        """.formatted(url, classes));
    assertThat(sluice("migrate", "--json")).as(err).isZero();
    assertThat(out).contains("\"name\": \"20260102000000_fill_notes\"");
    assertThat(Rows.strings(url, "SELECT body FROM notes")).containsExactly("written by Java");

    Files.writeString(tmp.resolve("sluice.yaml"), "sluice:\n  url: x\n    dir: y\n");
    assertThat(sluice("status")).isEqualTo(2);
    assertThat(err).startsWith(tmp.resolve("sluice.yaml") + " line 3: not valid YAML: ");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void javaMigrationsAndSeedersFromTheClassPathOnSqlite() throws Exception {
    javaMigrationsAndSeedersFromTheClassPath(url);
    assertThat(Rows.strings(url, "SELECT id || ':' || body FROM notes ORDER BY id"))
        .containsExactly("2:seeded");   // the Java migration's row went with its rollback

    // refresh undoes init (the table, the seeded row with it) and applies the SQL and Java migrations again
    assertThat(sluice("refresh", "--json", "--url", url, "--classpath", tmp.resolve("classes").toString(),
        "--java-migrations", "com.acme.migrations")).as(err).isZero();
    assertThat(out.strip()).isEqualTo("{\"rolledBack\": [\"20260101000000_init\"], \"applied\": [\"20260101000000_init\", "
        + "\"20260102000000_fill_notes\", \"20260103000000_tags\"], \"repeatables\": []}");
    assertThat(Rows.strings(url, "SELECT id || ':' || body FROM notes ORDER BY id")).containsExactly("1:written by Java");
  }

  @Test
  void javaMigrationsAndSeedersFromTheClassPathOnPostgresql() throws Exception {
    String pgUrl = postgresDatabase("jar_java");
    javaMigrationsAndSeedersFromTheClassPath(pgUrl);
    // the user apart from the URL, as --user
    String withoutUser = pgUrl.replace("postgres@", "");
    assertThat(sluice(concat(new String[] {"migrate", "--json", "--user", "postgres"}, new String[] {"--url", withoutUser, "--classpath",
        tmp.resolve("classes").toString(), "--java-migrations", "com.acme.migrations.V20260102000000_fill_notes"})))
        .as(err).isZero();
    assertThat(out).contains("\"name\": \"20260102000000_fill_notes\"").contains("\"name\": \"20260103000000_tags\"");
    assertThat(Rows.strings(pgUrl, "SELECT id || ':' || body FROM notes ORDER BY id"))
        .containsExactly("1:written by Java", "2:seeded");
    assertThat(Rows.strings(pgUrl, "SELECT name || ':' || duration_ms::text FROM sluice_migrations ORDER BY name"))
        .hasSize(3).allMatch(r -> !r.endsWith(":-1"));
  }

  /** A fresh PostgreSQL database of this run (dropped when the JVM exits); under CI=true an unreachable server fails. */
  private static String postgresDatabase(String purpose) {
    DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432);
    String admin = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
    String name = RunDatabases.name("sluice_cli_" + purpose);
    RunDatabases.recreate(admin, name, " WITH (FORCE)");
    RunDatabases.dropOnExit(admin, name, " WITH (FORCE)");
    return "r2dbc:postgresql://postgres@127.0.0.1:5432/" + name;
  }

  @Test
  void openapiWritesTheSchemasOfClassesOnTheClassPath() throws Exception {
    String classes = System.getProperty("sluice.test.classes", "target/test-classes");
    assertThat(sluice("openapi", "--schema", "dev.sluice.cli.schema", "--classpath", classes, "--output", "api/openapi.yaml"))
        .as(err).isZero();
    assertThat(out).isEqualTo("Wrote api/openapi.yaml (2 schemas)\n");
    String yaml = Files.readString(tmp.resolve("api/openapi.yaml"), StandardCharsets.UTF_8);
    assertThat(yaml).startsWith("openapi: 3.1.0\n")
        .contains("\n        body:\n          type:\n            - string\n            - \"null\"\n")
        .contains("\n        createdAt:\n          type:\n            - string\n            - \"null\"\n"
            + "          format: date-time-local\n");

    assertThat(sluice("openapi", "--schema", "dev.sluice.cli.schema", "--classpath", classes, "--format", "json"))
        .as(err).isZero();
    assertThat(out).startsWith("{\n  \"openapi\" : \"3.1.0\",").contains("\"required\" : [ \"id\", \"name\" ]");
  }

  @Test
  void studioServesItsPageFromTheJarUntilStopped() throws Exception {
    String classes = System.getProperty("sluice.test.classes", "target/test-classes");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "studio", "--url", url, "--schema", "dev.sluice.cli.schema", "--classpath", classes, "--port", "0", "--json");
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectError(tmp.resolve("err.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLUICE_"));
    Process p = pb.start();
    try {
      String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertThat(first).as(Files.readString(tmp.resolve("err.txt"))).isNotNull().contains("\"writable\": false");
      String address = first.replaceAll(".*\"url\": \"([^\"]+)\".*", "$1");
      assertThat(address).matches("http://127\\.0\\.0\\.1:\\d+/");
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(address)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>Sluice studio</title>", "<script src=\"/studio.js\">");
      java.net.http.HttpResponse<String> script = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(address + "studio.js")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(script.body()).contains("X-Sluice-Studio-Token");
      java.net.http.HttpResponse<String> tables = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(address + "api/tables")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(tables.body()).contains("\"name\":\"notes\"");
    } finally {
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }
}
