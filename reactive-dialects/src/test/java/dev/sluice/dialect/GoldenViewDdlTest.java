package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Views;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact DDL of the views of {@link Views} in every dialect, against golden files
 * {@code src/test/resources/golden/views-ddl-<dialect>.txt}, in the format of {@link GoldenDdlTest}:
 * {@code ## view}, the statements of {@code createTable}, {@code -- drop}, those of {@code dropTable};
 * a refusal as {@code ERR class: message}. The defining queries' values are literals, the hostile
 * string among them. {@code -Dgolden.update=true} rewrites the files.
 */
class GoldenViewDdlTest {
  private static final List<Table<?>> VIEWS = List.of(Views.REACHABLE, Views.CITY_PLACES, Views.SUMMARIES,
      Views.SNAPSHOT);

  @ParameterizedTest(name = "view ddl in {0}")
  @ValueSource(strings = {"postgresql", "sqlite", "mysql", "mariadb", "h2", "sqlserver", "oracle", "cockroachdb"})
  void rendersExactly(String dialect) throws IOException {
    Map<String, String> rendered = render(Dialects.named(dialect));
    String name = "views-ddl-" + dialect + ".txt";
    if (Boolean.getBoolean("golden.update")) {
      update(name, dialect, rendered);
    }
    Map<String, String> golden = read("/golden/" + name);
    assertThat(rendered.keySet()).as(name + " views").containsExactlyElementsOf(golden.keySet());
    rendered.forEach((view, ddl) -> assertThat(ddl).as(dialect + " " + view).isEqualTo(golden.get(view)));
  }

  private static Map<String, String> render(Dialect d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Table<?> t : VIEWS) {
      out.put(t.name(), attempt(() -> String.join("\n;;\n", d.createTable(t))) + "\n-- drop\n"
          + attempt(() -> String.join("\n;;\n", d.dropTable(t))));
    }
    return out;
  }

  private static String attempt(java.util.function.Supplier<String> ddl) {
    try {
      return ddl.get();
    } catch (RuntimeException e) {
      return "ERR " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static void update(String name, String dialect, Map<String, String> rendered) throws IOException {
    StringBuilder out = new StringBuilder("# The DDL (createTable, dropTable) of the test views,\n# rendered by the ")
        .append(dialect).append(" dialect.\n");
    rendered.forEach((view, ddl) -> out.append("\n## ").append(view).append('\n').append(ddl).append('\n'));
    Files.writeString(Path.of("src/test/resources/golden", name), out.toString(), StandardCharsets.UTF_8);
    java.net.URL onClassPath = GoldenViewDdlTest.class.getResource("/golden/" + name);
    if (onClassPath != null && "file".equals(onClassPath.getProtocol())) {
      Files.writeString(Path.of(java.net.URI.create(onClassPath.toString())), out.toString(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> read(String resource) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = GoldenViewDdlTest.class.getResourceAsStream(resource)) {
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
