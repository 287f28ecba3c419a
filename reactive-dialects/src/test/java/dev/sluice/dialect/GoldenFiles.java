package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The golden files of the DDL-like tests ({@link GoldenDdlTest}, {@link GoldenViewDdlTest},
 * {@link GoldenSchemaTest}) in {@code src/test/resources/golden}: a header of {@code #} lines, then
 * entries {@code ## name} each followed by its text. {@link #check} compares what a dialect renders
 * with the file, after rewriting it under {@code -Dgolden.update=true} (in the sources and in the
 * copy on the test class path).
 */
final class GoldenFiles {
  private GoldenFiles() {}

  /**
   * Asserts that {@code rendered} is exactly file {@code name}'s entries, in order; rewrites the file
   * first, under {@code header}, when the build runs with {@code -Dgolden.update=true}.
   *
   * @param what what the entries are, for the assertion messages ({@code tables}, {@code views})
   */
  static void check(String name, String header, String dialect, String what, Map<String, String> rendered)
      throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      write(name, header, rendered);
    }
    Map<String, String> golden = read("/golden/" + name);
    assertThat(rendered.keySet()).as(name + " " + what).containsExactlyElementsOf(golden.keySet());
    rendered.forEach((entry, text) -> assertThat(text).as(dialect + " " + entry).isEqualTo(golden.get(entry)));
  }

  /** What {@code ddl} returns, or {@code ERR class: message} for the exception it throws. */
  static String attempt(Supplier<String> ddl) {
    try {
      return ddl.get();
    } catch (RuntimeException e) {
      return "ERR " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static void write(String name, String header, Map<String, String> rendered) throws IOException {
    StringBuilder out = new StringBuilder(header);
    rendered.forEach((entry, text) -> out.append("\n## ").append(entry).append('\n').append(text).append('\n'));
    Files.writeString(Path.of("src/test/resources/golden", name), out.toString(), StandardCharsets.UTF_8);
    java.net.URL onClassPath = GoldenFiles.class.getResource("/golden/" + name);
    if (onClassPath != null && "file".equals(onClassPath.getProtocol())) {
      Files.writeString(Path.of(java.net.URI.create(onClassPath.toString())), out.toString(), StandardCharsets.UTF_8);
    }
  }

  /** The entries of a golden file: each {@code ## name} with the text up to the next entry. */
  private static Map<String, String> read(String resource) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String entry : text.split("\n\n## ")) {
        if (!entry.startsWith("#")) {
          int eol = entry.indexOf('\n');
          String body = entry.substring(eol + 1);
          out.put(entry.substring(0, eol), body.endsWith("\n") ? body.substring(0, body.length() - 1) : body);
        }
      }
    }
    return out;
  }
}
