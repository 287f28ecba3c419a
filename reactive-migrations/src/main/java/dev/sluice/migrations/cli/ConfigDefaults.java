package dev.sluice.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from the environment and a config file, for the options {@link #KEYS} names. The
 * precedence is: a flag on the command line, then the environment ({@code SLUICE_URL},
 * {@code SLUICE_DIR}, {@code SLUICE_JAVA_MIGRATIONS}...), then the file ({@code url=...} in
 * {@code sluice.properties}, or {@code url: ...} in {@code sluice.yaml}, flat or nested, see
 * {@link ConfigFile}), then the option's own default. The file is the
 * one {@code --config} or {@code SLUICE_CONFIG} names, else {@code sluice.properties},
 * {@code sluice.yaml} or {@code sluice.yml} in the working directory when present.
 *
 * <pre>
 * # sluice.properties
 * url=r2dbc:sqlite:///app.db
 * dir=db/migrations
 * schema=com.acme.schema
 * classpath=target/classes
 * </pre>
 */
final class ConfigDefaults implements IDefaultValueProvider {
  /** The options a config file or the environment may set, by their name without dashes. */
  static final Set<String> KEYS = Set.of("url", "user", "password", "dialect", "dir", "schema", "classpath",
      "java-migrations", "package", "out", "color");

  private final Map<String, String> env;
  private final Map<String, String> file;
  private final Path source;

  private ConfigDefaults(Map<String, String> env, Map<String, String> file, Path source) {
    this.env = env;
    this.file = file;
    this.source = source;
  }

  /** The defaults for a run: {@code config} is the {@code --config} path, or null. */
  static ConfigDefaults load(Path config, Map<String, String> env, Path workingDir) {
    Path path = config != null ? config : env.get("SLUICE_CONFIG") != null ? Path.of(env.get("SLUICE_CONFIG")) : null;
    if (path == null) {
      for (String name : new String[] {"sluice.properties", "sluice.yaml", "sluice.yml"}) {
        if (Files.isRegularFile(workingDir.resolve(name))) {
          path = workingDir.resolve(name);
          break;
        }
      }
    } else if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("Config file not found: " + path);
    }
    return new ConfigDefaults(Map.copyOf(env), path == null ? Map.of() : Map.copyOf(ConfigFile.read(path, KEYS)), path);
  }

  /** The file the values came from, or null. */
  Path source() { return source; }

  @Override public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o)) {
      return arg.defaultValue();
    }
    String key = o.longestName().replaceFirst("^-+", "");
    if (!KEYS.contains(key)) {
      return o.defaultValue();
    }
    String fromEnv = env.get("SLUICE_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    String fromFile = file.get(key);
    return fromFile != null ? fromFile : o.defaultValue();
  }
}
