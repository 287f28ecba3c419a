package dev.sluice.migrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The config file (properties, flat and nested YAML), the environment and flags, and their precedence. */
class ConfigDefaultsTest {
  @TempDir Path tmp;

  @Command(name = "probe")
  static final class Probe {
    @Option(names = "--url") String url;
    @Option(names = "--user") String user;
    @Option(names = "--password") String password;
    @Option(names = "--dir", defaultValue = "db/migrations") String dir;
    @Option(names = "--classpath") String classpath;
    @Option(names = "--java-migrations") String javaMigrations;
    @Option(names = "--steps", defaultValue = "1") int steps;   // not a config key: only its default applies
  }

  private Probe parse(ConfigDefaults defaults, String... args) {
    Probe p = new Probe();
    new CommandLine(p).setDefaultValueProvider(defaults).parseArgs(args);
    return p;
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  @Test
  void flagsWinOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefaults() throws Exception {
    Path yaml = file("sluice.yaml", """
        sluice:
          database:
            url: r2dbc:sqlite:///file.db
          dir: from/file
          java-migrations: com.acme.migrations
        """);
    ConfigDefaults fileOnly = ConfigDefaults.load(yaml, Map.of(), tmp);
    Probe p = parse(fileOnly);
    assertThat(p.url).isEqualTo("r2dbc:sqlite:///file.db");
    assertThat(p.dir).isEqualTo("from/file");
    assertThat(p.javaMigrations).isEqualTo("com.acme.migrations");
    assertThat(p.classpath).isNull();
    assertThat(p.steps).isEqualTo(1);

    ConfigDefaults withEnv = ConfigDefaults.load(yaml, Map.of("SLUICE_URL", "r2dbc:sqlite:///env.db",
        "SLUICE_JAVA_MIGRATIONS", "com.acme.env", "SLUICE_CLASSPATH", "env/classes"), tmp);
    p = parse(withEnv);
    assertThat(p.url).isEqualTo("r2dbc:sqlite:///env.db");
    assertThat(p.javaMigrations).isEqualTo("com.acme.env");
    assertThat(p.classpath).isEqualTo("env/classes");
    assertThat(p.dir).isEqualTo("from/file");

    p = parse(withEnv, "--url", "r2dbc:sqlite:///flag.db", "--dir", "from/flag");
    assertThat(p.url).isEqualTo("r2dbc:sqlite:///flag.db");
    assertThat(p.dir).isEqualTo("from/flag");

    assertThat(parse(ConfigDefaults.load(null, Map.of(), tmp.resolve("nowhere"))).dir).isEqualTo("db/migrations");
  }

  @Test
  void flatYamlDottedKeysPropertiesAndListsAllSetTheSameOptions() throws Exception {
    assertThat(parse(ConfigDefaults.load(file("a.yml", "url: \"r2dbc:h2:mem:///a\"   # quoted\ndir: d\n"), Map.of(), tmp)).url)
        .isEqualTo("r2dbc:h2:mem:///a");
    assertThat(parse(ConfigDefaults.load(file("b.yaml", "sluice.database.url: r2dbc:h2:mem:///b\n"), Map.of(), tmp)).url)
        .isEqualTo("r2dbc:h2:mem:///b");
    Probe p = parse(ConfigDefaults.load(file("c.properties", "sluice.url=r2dbc:h2:mem:///c\nsluice.classpath=x\n"), Map.of(), tmp));
    assertThat(p.url).isEqualTo("r2dbc:h2:mem:///c");
    assertThat(p.classpath).isEqualTo("x");
    p = parse(ConfigDefaults.load(file("d.yaml", "sluice:\n  classpath:\n    - target/classes\n    - lib/a.jar\n"
        + "  java-migrations: [com.a, com.b.V20260101000000_x]\n"), Map.of(), tmp));
    assertThat(p.classpath).isEqualTo("target/classes" + File.pathSeparator + "lib/a.jar");
    assertThat(p.javaMigrations).isEqualTo("com.a,com.b.V20260101000000_x");
  }

  @Test
  void theDatabaseBlockGivesUrlUserAndPasswordAndThePasswordCanComeFromTheEnvironment() throws Exception {
    Path yaml = file("db.yaml", """
        sluice:
          database:
            url: r2dbc:postgresql://127.0.0.1:5432/app
            user: app
            password: from-file
        """);
    Probe p = parse(ConfigDefaults.load(yaml, Map.of(), tmp));
    assertThat(p.url).isEqualTo("r2dbc:postgresql://127.0.0.1:5432/app");
    assertThat(p.user).isEqualTo("app");
    assertThat(p.password).isEqualTo("from-file");
    assertThat(parse(ConfigDefaults.load(yaml, Map.of("SLUICE_PASSWORD", "from-env"), tmp)).password).isEqualTo("from-env");
  }

  @Test
  void theWorkingDirectorysFileIsFoundAndSluiceConfigNamesAnother() throws Exception {
    file("sluice.yml", "url: r2dbc:h2:mem:///wd\n");
    assertThat(parse(ConfigDefaults.load(null, Map.of(), tmp)).url).isEqualTo("r2dbc:h2:mem:///wd");
    Path other = file("other.yaml", "url: r2dbc:h2:mem:///other\n");
    assertThat(parse(ConfigDefaults.load(null, Map.of("SLUICE_CONFIG", other.toString()), tmp)).url)
        .isEqualTo("r2dbc:h2:mem:///other");
  }

  @Test
  void malformedYamlIsATypedErrorNamingTheFileAndTheLine() throws Exception {
    Path bad = file("sluice.yaml", "sluice:\n  url: r2dbc:h2:mem:///x\n  dir: [unclosed\n");
    assertThatThrownBy(() -> ConfigDefaults.load(bad, Map.of(), tmp))
        .isInstanceOfSatisfying(ConfigFileException.class, e -> {
          assertThat(e.file()).isEqualTo(bad);
          assertThat(e.line()).isEqualTo(4);
        })
        .hasMessageStartingWith(bad + " line 4: not valid YAML: ");
    Path tabs = file("tabs.yaml", "sluice:\n\turl: x\n");
    assertThatThrownBy(() -> ConfigDefaults.load(tabs, Map.of(), tmp)).isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith(tabs + " line 2: not valid YAML: ");
  }

  @Test
  void anUnknownOrRepeatedKeyOrAScalarDocumentIsATypedErrorWithItsLine() throws Exception {
    Path unknown = file("u.yaml", "sluice:\n  url: x\n  databse:\n    url: y\n");
    assertThatThrownBy(() -> ConfigDefaults.load(unknown, Map.of(), tmp)).isInstanceOf(ConfigFileException.class)
        .hasMessageStartingWith(unknown + " line 4: unknown key 'sluice.databse.url'; known: [classpath, color, dialect, dir, java-migrations,");
    Path twice = file("t.yaml", "url: x\nsluice:\n  database:\n    url: y\n");
    assertThatThrownBy(() -> ConfigDefaults.load(twice, Map.of(), tmp)).isInstanceOf(ConfigFileException.class)
        .hasMessage(twice + " line 4: 'sluice.database.url' sets url a second time");
    Path scalar = file("s.yaml", "just a string\n");
    assertThatThrownBy(() -> ConfigDefaults.load(scalar, Map.of(), tmp)).isInstanceOf(ConfigFileException.class)
        .hasMessage(scalar + " line 1: expected keys and values, not a single value");
    Path props = file("p.properties", "ulr=x\n");
    assertThatThrownBy(() -> ConfigDefaults.load(props, Map.of(), tmp)).isInstanceOfSatisfying(ConfigFileException.class,
        e -> assertThat(e.line()).isZero()).hasMessageStartingWith(props + ": unknown key 'ulr'");
  }
}
