package dev.sluice.migrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a product, on embedded SQLite files: the config file and environment overrides and
 * their precedence, {@code push} and {@code pull}, the progress lines, colours, and {@code --json}
 * for successes and failures.
 */
class SluiceCliProductTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;
  private String url;
  private Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String out;
  private String err;

  @BeforeEach
  void paths() {
    url = "r2dbc:sqlite:///" + tmp.resolve("app.db").toAbsolutePath();
    dir = tmp.resolve("migrations");
  }

  private int sluice(String stdin, boolean terminal, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = SluiceCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(o, true),
        new PrintWriter(e, true), terminal, env);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private int sluice(String... args) {
    return sluice("", false, args);
  }

  private JsonNode json() throws Exception {
    assertThat(out.strip().lines()).as(out).hasSize(1);
    return MAPPER.readTree(out);
  }

  private Path config(String... lines) throws Exception {
    return Files.writeString(tmp.resolve("sluice.properties"), String.join("\n", lines) + "\n");
  }

  @Test
  void optionsComeFromTheFlagThenTheEnvironmentThenTheConfigFile() throws Exception {
    Path file = config("url=" + url, "dir=" + dir, "schema=dev.sluice.migrations.fixtures.seed");
    assertThat(sluice("generate", "init", "--config", file.toString())).as(err).isZero();
    assertThat(sluice("status", "--json", "--config", file.toString())).as(err).isZero();
    assertThat(json().get("pending")).hasSize(1);

    String other = "r2dbc:sqlite:///" + tmp.resolve("other.db").toAbsolutePath();
    env.put("SLUICE_URL", other);                                      // the environment wins over the file
    assertThat(sluice("migrate", "--json", "--config", file.toString())).as(err).isZero();
    assertThat(Files.exists(tmp.resolve("other.db"))).isTrue();
    assertThat(sluice("status", "--json", "--config", file.toString(), "--url", url)).isZero();   // the flag wins
    assertThat(json().get("applied")).isEmpty();
    assertThat(sluice("status", "--json", "--config", file.toString())).isZero();
    assertThat(json().get("applied")).hasSize(1);
  }

  @Test
  void aFlatYamlConfigWorksAndAnUnknownKeyOrAMissingUrlIsAUsageError() throws Exception {
    Path yaml = Files.writeString(tmp.resolve("sluice.yaml"), "# sluice\nurl: \"" + url + "\"\ndir: " + dir + "   # here\n");
    assertThat(sluice("status", "--json", "--config", yaml.toString())).as(err).isZero();
    assertThat(json().get("pending")).isEmpty();

    Path bad = config("ulr=" + url);
    assertThat(sluice("status", "--config", bad.toString())).isEqualTo(SluiceCli.USAGE);
    assertThat(err).contains(bad + ": unknown key 'ulr'; known: [");

    assertThat(sluice("status", "--dir", dir.toString(), "--json")).isEqualTo(SluiceCli.USAGE);
    assertThat(json().get("error").asText()).contains("Missing the database URL: give --url, set SLUICE_URL");
    assertThat(json().get("exitCode").asInt()).isEqualTo(2);
  }

  @Test
  void migratePrintsALinePerMigrationWithItsDurationInColourOnlyWhenAsked() throws Exception {
    String[] common = {"--url", url, "--dir", dir.toString()};
    assertThat(sluice(concat(new String[] {"generate", "init", "--schema", "dev.sluice.migrations.fixtures.seed"}, common))).isZero();
    assertThat(sluice(concat(new String[] {"new", "backfill"}, common))).isZero();
    assertThat(sluice(concat(new String[] {"migrate"}, common))).as(err).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("applied \\d{14}_init \\(\\d+ ms\\)");
    assertThat(lines.get(1)).matches("applied \\d{14}_backfill \\(\\d+ ms\\)");
    assertThat(lines.get(2)).matches("Applied 2 migrations in \\d+ ms\\.");
    assertThat(out).doesNotContain("\u001b[");

    assertThat(sluice(concat(new String[] {"status", "--color=always"}, common))).isZero();
    assertThat(out).contains("\u001b[").contains("2 applied, 0 pending.");
    env.put("NO_COLOR", "1");
    assertThat(sluice("", true, concat(new String[] {"status"}, common))).isZero();
    assertThat(out).doesNotContain("\u001b[");
  }

  @Test
  void pushDryRunPrintsSqlThenPushAppliesAndAsksAboutRenames() throws Exception {
    String seed = "dev.sluice.migrations.fixtures.seed";
    assertThat(sluice("push", "--url", url, "--schema", seed, "--dry-run", "--json")).as(err).isZero();
    JsonNode dry = json();
    assertThat(dry.get("applied").asBoolean()).isFalse();
    assertThat(dry.get("statements").toString()).contains("CREATE TABLE").contains("auth_otp");
    assertThat(sluice("push", "--url", url, "--schema", seed, "--dry-run")).isZero();
    assertThat(out).contains("-- dry run: 2 changes, nothing applied").contains("CREATE TABLE");

    assertThat(sluice("push", "--url", url, "--schema", seed)).as(err).isZero();
    assertThat(out).contains("pushed create table users").contains("Pushed 2 changes");
    assertThat(sluice("push", "--url", url, "--schema", seed)).isZero();
    assertThat(out).contains("Nothing to push: the database matches the schema code.");

    String v2 = "dev.sluice.migrations.fixtures.seedv2.SeedSchemaV2";   // a class, not a package
    assertThat(sluice("push", "--url", url, "--schema", v2, "--non-interactive", "--json")).isEqualTo(SluiceCli.OPEN_QUESTIONS);
    assertThat(json().get("questions").toString()).contains("column users.name: renamed from one of [full_name], or new?");
    assertThat(sluice("n\n", true, "push", "--url", url, "--schema", v2, "--json")).isEqualTo(SluiceCli.DATA_LOSS);
    assertThat(out).contains("renamed from full_name");
    assertThat(out.lines().reduce((a, b) -> b).orElseThrow()).contains("\"dataLoss\": [").contains("full_name");
    assertThat(sluice("1\n", true, "push", "--url", url, "--schema", v2, "--color=never")).as(err).isZero();
    assertThat(out).contains("pushed rename column users.full_name to name");
  }

  @Test
  void pullWritesCompilableLookingSourcesAndReportsThemAsJson() throws Exception {
    assertThat(sluice("push", "--url", url, "--schema", "dev.sluice.migrations.fixtures.seed")).isZero();
    Path src = tmp.resolve("src");
    assertThat(sluice("pull", "--url", url, "--package", "com.acme.db", "--out", src.toString(), "--json")).as(err).isZero();
    JsonNode r = json();
    assertThat(r.get("tables").toString()).isEqualTo("[\"auth_otp\",\"users\"]");
    assertThat(r.get("files")).hasSize(5);
    assertThat(src.resolve("com/acme/db/Users.java")).content().contains("public final class Users extends Table<User>");
    assertThat(src.resolve("com/acme/db/AuthOtp.java")).content()
        .contains("public final Column<Integer> userId = integer(\"user_id\").references(() -> Tables.USERS.id);");
    assertThat(sluice("pull", "--url", url, "--out", src.toString())).isEqualTo(SluiceCli.USAGE);
    assertThat(err).contains("Missing the package");
  }

  @Test
  void helpListsTheExitCodesAndTheConfigurationPrecedence() {
    assertThat(sluice("--help")).isZero();
    assertThat(out).contains("Exit codes:").containsPattern("\n +3 +open rename questions").contains("SLUICE_URL")
        .containsPattern("\n +9 +a Java migration class or package named cannot be used")
        .containsPattern("\n +10 +baseline refused: the history is not empty").contains("SLUICE_JAVA_MIGRATIONS")
        .contains("push").contains("pull");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
