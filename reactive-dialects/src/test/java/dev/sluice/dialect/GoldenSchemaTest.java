package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.SchemaCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact SQL of tables in a database schema and of generated columns in every dialect (the
 * {@link SchemaCatalogue}), against {@code src/test/resources/golden/schemas-<dialect>.txt}: each
 * statement as {@code ## name}, its SQL and {@code binds: [...]}; each table's DDL as
 * {@code ## ddl <table>}, the statements of {@code createTable} separated by {@code ;;}, a line
 * {@code -- drop} and {@code dropTable}'s; a refusal is written {@code ERR class: message}.
 * {@code -Dgolden.update=true} rewrites the files, as for {@link GoldenSqlTest}.
 */
class GoldenSchemaTest {

  @ParameterizedTest(name = "schemas in {0}")
  @ValueSource(strings = {"postgresql", "sqlite", "mysql", "mariadb", "h2", "sqlserver", "oracle", "cockroachdb"})
  void rendersExactly(String dialect) throws IOException {
    Map<String, String> rendered = render(Dialects.named(dialect));
    String name = "schemas-" + dialect + ".txt";
    if (Boolean.getBoolean("golden.update")) {
      update(name, dialect, rendered);
    }
    Map<String, String> golden = read("/golden/" + name);
    assertThat(rendered.keySet()).as(name + " entries").containsExactlyElementsOf(golden.keySet());
    rendered.forEach((entry, sql) -> assertThat(sql).as(dialect + " " + entry).isEqualTo(golden.get(entry)));
  }

  private static Map<String, String> render(Dialect d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, RenderedSql> e : SchemaCatalogue.render(d).entrySet()) {
      RenderedSql r = e.getValue();
      out.put(e.getKey(), r.sql() + "\nbinds: " + r.binds().stream().map(b -> String.valueOf(b.value())).toList());
    }
    for (Table<?> t : SchemaCatalogue.tables()) {
      out.put("ddl " + t.name(), attempt(() -> String.join("\n;;\n", d.createTable(t))) + "\n-- drop\n"
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
    StringBuilder out = new StringBuilder("# Tables in the schema \"audit\" and generated columns (SchemaCatalogue),\n# rendered by the ")
        .append(dialect).append(" dialect.\n");
    rendered.forEach((entry, sql) -> out.append("\n## ").append(entry).append('\n').append(sql).append('\n'));
    Files.writeString(Path.of("src/test/resources/golden", name), out.toString(), StandardCharsets.UTF_8);
    java.net.URL onClassPath = GoldenSchemaTest.class.getResource("/golden/" + name);
    if (onClassPath != null && "file".equals(onClassPath.getProtocol())) {
      Files.writeString(Path.of(java.net.URI.create(onClassPath.toString())), out.toString(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> read(String resource) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = GoldenSchemaTest.class.getResourceAsStream(resource)) {
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
