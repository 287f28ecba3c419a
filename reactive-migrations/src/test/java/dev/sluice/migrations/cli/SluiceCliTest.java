package dev.sluice.migrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sluice} command line on an embedded SQLite file: prompts, flags, exit codes, {@code --json}. */
class SluiceCliTest {
  @TempDir Path tmp;
  private String url;
  private Path dir;
  private String out;
  private String err;

  @BeforeEach
  void paths() {
    url = "r2dbc:sqlite:///" + tmp.resolve("app.db").toAbsolutePath();
    dir = tmp.resolve("migrations");
  }

  private int run(String stdin, boolean terminal, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", url));
    return runOnDir(stdin, terminal, all.toArray(String[]::new));
  }

  /** Runs a command that needs no database (rehash, check without --url). */
  private int runOnDir(String stdin, boolean terminal, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--dir", dir.toString()));
    int code = SluiceCli.run(all.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(o, true), new PrintWriter(e, true), terminal);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private String upOf(String suffix) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      Path d = s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
      return Files.readString(d.resolve("up.sql"));
    }
  }

  @Test
  void generatesMigratesAndReportsStatusAsJson() {
    assertThat(run("", false, "generate", "init", "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();
    assertThat(out).contains("_init (2 changes)");
    assertThat(run("", false, "status", "--json")).isZero();
    assertThat(out).contains("\"pending\": [\"").contains("_init\"]").contains("\"applied\": []");
    assertThat(run("", false, "migrate", "--json")).isZero();
    assertThat(out).startsWith("{\"applied\": [{\"name\": \"").contains("_init\", \"durationMs\": ");
    assertThat(run("", false, "migrate")).isZero();
    assertThat(out).contains("Nothing to apply.");
    assertThat(run("", false, "rollback", "--json")).isZero();
    assertThat(out).startsWith("{\"rolledBack\": [\"").contains("_init\"], \"durationsMs\": [");
    assertThat(run("", false, "status", "--json")).isZero();
    assertThat(out).contains("\"applied\": []").contains("_init\"]");
  }

  @Test
  void aRenameIsAnsweredByFlagOrPromptAndRefusedWithoutAnswer() throws Exception {
    assertThat(run("", false, "generate", "init", "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();

    assertThat(run("", false, "generate", "rename", "--schema", "dev.sluice.migrations.fixtures.seedv2", "--non-interactive"))
        .isEqualTo(SluiceCli.OPEN_QUESTIONS);
    assertThat(err).contains("column users.name: renamed from one of [full_name], or new?");

    assertThat(run("1\n", true, "generate", "rename", "--schema", "dev.sluice.migrations.fixtures.seedv2")).isZero();
    assertThat(out).contains("column users.name: renamed from one of [full_name], or new?").contains("1) renamed from full_name");
    assertThat(upOf("_rename")).contains("ALTER TABLE \"users\" RENAME COLUMN \"full_name\" TO \"name\"");
  }

  @Test
  void answeringNewMeansDataLossWhichNeedsItsFlag() throws Exception {
    assertThat(run("", false, "generate", "init", "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();
    assertThat(run("n\n", true, "generate", "again", "--schema", "dev.sluice.migrations.fixtures.seedv2"))
        .isEqualTo(SluiceCli.DATA_LOSS);
    assertThat(err).contains("dropping column users.full_name deletes its values");
    assertThat(run("", false, "generate", "again", "--schema", "dev.sluice.migrations.fixtures.seedv2",
        "--rename", "users.full_name:name", "--allow-data-loss")).isZero();
    assertThat(upOf("_again")).contains("RENAME COLUMN");
  }

  @Test
  void newWritesAnEmptyMigrationThatMigrateAppliesAfterItIsFilledIn() throws Exception {
    assertThat(run("", false, "generate", "init", "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();
    assertThat(run("", false, "new", "backfill", "--json")).as(() -> err).isZero();
    assertThat(out).startsWith("{\"migration\": \"").contains("_backfill\"}");
    Path up;
    try (Stream<Path> s = Files.list(dir)) {
      up = s.filter(p -> p.getFileName().toString().endsWith("_backfill")).findFirst().orElseThrow().resolve("up.sql");
    }
    Files.writeString(up, Files.readString(up) + "INSERT INTO users (full_name) VALUES ('seeded');\n");
    assertThat(run("", false, "migrate")).isEqualTo(SluiceCli.INTEGRITY);
    assertThat(err).contains("_backfill was edited after sluice.sum was written").contains("sluice rehash");
    assertThat(runOnDir("", false, "rehash")).as(() -> err).isZero();
    assertThat(out).contains("accepted: ").contains("_backfill was edited");
    assertThat(run("", false, "migrate")).as(() -> err).isZero();
    assertThat(out).contains("_backfill (");
    // the snapshot repeats the last one: nothing new to generate
    assertThat(run("", false, "generate", "again", "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();
    assertThat(out).contains("Nothing to generate");
  }

  @Test
  void aChangedAppliedMigrationExitsWithItsCode() throws Exception {
    assertThat(run("", false, "generate", "init", "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();
    assertThat(run("", false, "migrate")).isZero();
    try (Stream<Path> s = Files.list(dir)) {
      Path up = s.filter(Files::isDirectory).findFirst().orElseThrow().resolve("up.sql");
      Files.writeString(up, Files.readString(up) + "\n-- edited\n");
    }
    assertThat(run("", false, "migrate")).isEqualTo(SluiceCli.INTEGRITY);
    assertThat(runOnDir("", false, "rehash")).isZero();
    assertThat(run("", false, "migrate")).isEqualTo(SluiceCli.CHECKSUM);
    assertThat(err).contains("checksum mismatch");
    assertThat(run("", false, "status")).isEqualTo(SluiceCli.FAILED);
    assertThat(out).contains("CHANGED");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private String nameEndingWith(Path in, String suffix) throws Exception {
    try (Stream<Path> s = Files.list(in)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
    }
  }

  @Test
  void checkExitsWithTheCodeOfWhatItFindsAndPrintsJson() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(run("", false, "generate", "init", "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();
    assertThat(run("", false, "migrate")).isZero();
    assertThat(runOnDir("", false, "check", "--json")).as(() -> err).isZero();
    assertThat(out.strip()).isEqualTo("{\"ok\": true, \"integrity\": [], \"sharedParents\": [], \"misplaced\": [],"
        + " \"changed\": [], \"missing\": [], \"failed\": [], \"outOfOrder\": []}");
    assertThat(runOnDir("", false, "check")).isZero();
    assertThat(out).startsWith("OK: ");

    // a branch made from main writes a migration, main writes another, and the merge brings the branch's
    Path branch = tmp.resolve("branch");
    copyTree(dir, branch);
    String init = nameEndingWith(dir, "_init");
    assertThat(run("", false, "new", "on_main")).isZero();
    int code = SluiceCli.run(new String[] {"new", "on_branch", "--url", url, "--dir", branch.toString()},
        new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    assertThat(code).isZero();
    String onMain = nameEndingWith(dir, "_on_main");
    String onBranch = nameEndingWith(branch, "_on_branch");
    copyTree(branch.resolve(onBranch), Files.createDirectories(dir.resolve(onBranch)));

    assertThat(runOnDir("", false, "check", "--json")).isEqualTo(SluiceCli.INTEGRITY);
    var r = json.readTree(out);
    assertThat(r.get("ok").asBoolean()).isFalse();
    assertThat(r.get("integrity").toString()).isEqualTo("[\"" + onBranch + " was added without updating sluice.sum\"]");
    assertThat(r.get("sharedParents").get(0).asText()).contains(onMain).contains(onBranch)
        .endsWith("were all generated from " + init + " (two branches)");
    assertThat(runOnDir("", false, "check")).isEqualTo(SluiceCli.INTEGRITY);
    assertThat(out).contains("integrity: " + onBranch + " was added").contains("conflict: ");

    assertThat(runOnDir("", false, "rehash")).isZero();
    assertThat(runOnDir("", false, "check", "--json")).isEqualTo(SluiceCli.CONFLICT);
    assertThat(json.readTree(out).get("integrity").size()).isZero();
    assertThat(run("", false, "migrate")).isEqualTo(SluiceCli.CONFLICT);
    assertThat(err).contains("Branch conflicts in the migrations, nothing was run");

    // with --url the history is compared too: one applied, the two others pending after it
    assertThat(run("", false, "check", "--json")).isEqualTo(SluiceCli.CONFLICT);
    assertThat(json.readTree(out).get("outOfOrder").size()).isZero();
    assertThat(json.readTree(out).get("missing").size()).isZero();
    Path up = dir.resolve(init).resolve("up.sql");
    Files.writeString(up, Files.readString(up) + "-- edited after it ran\n");
    assertThat(runOnDir("", false, "rehash")).isZero();
    assertThat(run("", false, "check", "--json")).isEqualTo(SluiceCli.CONFLICT);
    assertThat(json.readTree(out).get("changed").toString()).isEqualTo("[\"" + init + "\"]");
    Files.writeString(up, Files.readString(up).replace("-- edited after it ran\n", ""));
    assertThat(runOnDir("", false, "rehash")).isZero();

    // explicitly allowed, both branches' migrations run, in name order
    assertThat(run("", false, "migrate", "--allow-conflicts", "--json")).as(() -> err).isZero();
    assertThat(json.readTree(out).get("applied").findValuesAsText("name"))
        .containsExactlyElementsOf(java.util.stream.Stream.of(onMain, onBranch).sorted().toList());
  }

  @Test
  void dialectNamesTheDatabaseWhenTheDriverCannotTell() {
    assertThat(push("--dialect", "sqlite")).as(() -> err).isZero();
    assertThat(out).contains("CREATE TABLE IF NOT EXISTS \"users\"");

    assertThat(push("--dialect", "nosuch")).isEqualTo(SluiceCli.USAGE);
    assertThat(err).contains("--dialect nosuch: No Sluice dialect named 'nosuch'");
  }

  /** {@code push --dry-run} of the seed schema (push takes no --dir). */
  private int push(String... more) {
    List<String> all = new ArrayList<>(List.of("push", "--dry-run", "--schema", "dev.sluice.migrations.fixtures.seed", "--url", url));
    all.addAll(List.of(more));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SluiceCli.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
        new PrintWriter(o, true), new PrintWriter(e, true), false);
    out = o.toString();
    err = e.toString();
    return code;
  }
}
