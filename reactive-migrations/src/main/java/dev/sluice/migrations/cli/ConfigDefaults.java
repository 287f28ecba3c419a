package dev.sluice.migrations.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from the environment and a config file, for the options {@link #KEYS} names. The
 * precedence is: a flag on the command line, then the environment ({@code SLUICE_URL},
 * {@code SLUICE_DIR}, ...), then the file ({@code url=...} in {@code sluice.properties}, or
 * {@code url: ...} in a flat {@code sluice.yaml}), then the option's own default. The file is the
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
  static final Set<String> KEYS = Set.of("url", "dir", "schema", "classpath", "java-migrations", "package", "out", "color");

  private final Map<String, String> env;
  private final Properties file;
  private final Path source;

  private ConfigDefaults(Map<String, String> env, Properties file, Path source) {
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
    Properties p = new Properties();
    if (path != null) {
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        String name = path.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          readFlatYaml(Files.readAllLines(path, StandardCharsets.UTF_8), p, path);
        } else {
          p.load(r);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read config file " + path, e);
      }
      for (String key : p.stringPropertyNames()) {
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("Unknown key '" + key + "' in " + path + "; known: " + new java.util.TreeSet<>(KEYS));
        }
      }
    }
    return new ConfigDefaults(Map.copyOf(env), p, path);
  }

  /** {@code key: value} lines; {@code #} comments; a value may be quoted. Nesting is not YAML Sluice reads. */
  private static void readFlatYaml(java.util.List<String> lines, Properties into, Path path) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equals("---")) {
        continue;
      }
      int colon = t.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
        throw new IllegalArgumentException(path + " line " + (i + 1) + ": expected a flat 'key: value' line, got: " + line);
      }
      String value = t.substring(colon + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      } else if (value.contains(" #")) {
        value = value.substring(0, value.indexOf(" #")).strip();
      }
      into.setProperty(t.substring(0, colon).strip(), value);
    }
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
    String fromFile = file.getProperty(key);
    return fromFile != null ? fromFile : o.defaultValue();
  }
}
