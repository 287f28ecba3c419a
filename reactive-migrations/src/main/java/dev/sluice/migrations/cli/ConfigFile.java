package dev.sluice.migrations.cli;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a config file into the option values it sets, by option name: a {@code .properties} file,
 * or YAML ({@code .yaml}, {@code .yml}) read with SnakeYAML, flat or nested. Nested keys are joined
 * with dots, a leading {@code sluice.} is dropped, and {@code database.url}, {@code database.user}
 * and {@code database.password} stand for {@code url}, {@code user} and {@code password};
 * a YAML list is joined with {@code ,} (with the path separator for {@code classpath}). Anything
 * else is a {@link ConfigFileException} naming the file and the line.
 *
 * <pre>
 * sluice:
 *   database:
 *     url: r2dbc:postgresql://app@db/app
 *   dir: db/migrations
 *   classpath: [target/classes, lib/model.jar]
 * </pre>
 */
final class ConfigFile {
  private ConfigFile() { }

  /** The values of {@code path}, keyed by option name (a member of {@code keys}). */
  static Map<String, String> read(Path path, Set<String> keys) {
    String name = path.getFileName().toString();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      Map<String, String> out = new LinkedHashMap<>();
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(r);
        if (root != null) {
          if (!(root instanceof MappingNode m)) {
            throw new ConfigFileException(path, line(root.getStartMark()), "expected keys and values, not " + kind(root), null);
          }
          walk(path, m, "", keys, out);
        }
      } else {
        Properties p = new Properties();
        p.load(r);
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
          put(path, 0, key, p.getProperty(key), keys, out);
        }
      }
      return out;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new ConfigFileException(path, line(mark), "not valid YAML: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new ConfigFileException(path, 0, "not valid YAML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read config file " + path, e);
    }
  }

  private static void walk(Path path, MappingNode map, String prefix, Set<String> keys, Map<String, String> out) {
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new ConfigFileException(path, line(t.getKeyNode().getStartMark()), "a key must be a plain name", null);
      }
      String key = prefix + k.getValue();
      Node value = t.getValueNode();
      int line = line(k.getStartMark());
      if (value instanceof MappingNode m) {
        walk(path, m, key + ".", keys, out);
      } else if (value instanceof SequenceNode s) {
        List<String> items = new ArrayList<>();
        for (Node item : s.getValue()) {
          if (!(item instanceof ScalarNode v)) {
            throw new ConfigFileException(path, line(item.getStartMark()), "the list of '" + key + "' may hold plain values only", null);
          }
          items.add(v.getValue());
        }
        put(path, line, key, String.join(canonical(key).equals("classpath") ? File.pathSeparator : ",", items), keys, out);
      } else {
        put(path, line, key, ((ScalarNode) value).getValue(), keys, out);
      }
    }
  }

  private static void put(Path path, int line, String key, String value, Set<String> keys, Map<String, String> out) {
    String option = canonical(key);
    if (!keys.contains(option)) {
      throw new ConfigFileException(path, line, "unknown key '" + key + "'; known: " + new TreeSet<>(keys)
          + " (optionally under sluice:, and database.url for url)", null);
    }
    if (out.containsKey(option)) {
      throw new ConfigFileException(path, line, "'" + key + "' sets " + option + " a second time", null);
    }
    if (value != null && !value.isEmpty()) {
      out.put(option, value);
    }
  }

  /** The option a file key sets: {@code sluice.} dropped, {@code database.url} as {@code url} (and user, password). */
  static String canonical(String key) {
    String k = key.startsWith("sluice.") ? key.substring("sluice.".length()) : key;
    return k.startsWith("database.") ? k.substring("database.".length()) : k;
  }

  private static int line(Mark mark) {
    return mark == null ? 0 : mark.getLine() + 1;
  }

  private static String kind(Node n) {
    return n instanceof SequenceNode ? "a list" : "a single value";
  }
}
