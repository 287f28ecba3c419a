package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Literals;
import dev.sluice.testing.Schema;
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
 * Exact DDL of every dialect, against golden files {@code src/test/resources/golden/ddl-<dialect>.txt}:
 * for each table of the seed schema ({@link Schema}) and of the literal tables ({@link Literals}),
 * {@code ## table}, the statements of {@code createTable} separated by lines {@code ;;}, a line
 * {@code -- drop} and the statements of {@code dropTable}; a refusal is written {@code ERR class:
 * message}. {@code -Dgolden.update=true} rewrites the files, as for {@link GoldenSqlTest}.
 */
class GoldenDdlTest {
  private static final List<Table<?>> TABLES = List.of(Schema.COUNTRIES, Schema.CITIES, Schema.USERS,
      Schema.CHAT_GROUPS, Schema.MEMBERSHIPS, Schema.KITCHENS, Schema.POSTS, Schema.COMMENTS,
      Literals.STRING_DEFAULTS, Literals.TYPED_DEFAULTS, Literals.ENUM_DEFAULTS, Literals.NUL_DEFAULT);

  @ParameterizedTest(name = "ddl in {0}")
  @ValueSource(strings = {"postgresql", "sqlite", "mysql", "mariadb", "h2", "sqlserver", "oracle", "cockroachdb"})
  void rendersExactly(String dialect) throws IOException {
    Map<String, String> rendered = render(Dialects.named(dialect));
    String name = "ddl-" + dialect + ".txt";
    if (Boolean.getBoolean("golden.update")) {
      update(name, dialect, rendered);
    }
    Map<String, String> golden = read("/golden/" + name);
    assertThat(rendered.keySet()).as(name + " tables").containsExactlyElementsOf(golden.keySet());
    rendered.forEach((table, ddl) -> assertThat(ddl).as(dialect + " " + table).isEqualTo(golden.get(table)));
  }

  private static Map<String, String> render(Dialect d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Table<?> t : TABLES) {
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
    StringBuilder out = new StringBuilder("# The DDL (createTable, dropTable) of the seed schema and the literal tables,\n# rendered by the ")
        .append(dialect).append(" dialect.\n");
    rendered.forEach((table, ddl) -> out.append("\n## ").append(table).append('\n').append(ddl).append('\n'));
    Files.writeString(Path.of("src/test/resources/golden", name), out.toString(), StandardCharsets.UTF_8);
    java.net.URL onClassPath = GoldenDdlTest.class.getResource("/golden/" + name);
    if (onClassPath != null && "file".equals(onClassPath.getProtocol())) {
      Files.writeString(Path.of(java.net.URI.create(onClassPath.toString())), out.toString(), StandardCharsets.UTF_8);
    }
  }

  /** The entries of a golden file: each {@code ## table} with the text up to the next entry. */
  private static Map<String, String> read(String resource) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = GoldenDdlTest.class.getResourceAsStream(resource)) {
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
