package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.QueryCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact SQL and binds of every section of the shared {@link QueryCatalogue} in every dialect, against
 * golden files {@code src/test/resources/golden/<section>-<dialect>.txt}: {@code ## name}, the SQL
 * on one line, then {@code binds: [...]}. The sections: the basic catalogue (CRUD and operators), the
 * query language (joins, aggregates, subqueries), writes (upserts, set operations, INSERT ... SELECT)
 * and the advanced one (common, recursive and derived tables, joined projections, raw statements,
 * UPDATE ... FROM), relations (whereHas as EXISTS, the relation loader's batched statements). Dialect-specific behaviour beyond the catalogue is tested in each
 * {@code *DialectTest}.
 *
 * <p>{@code ./mvnw verify -pl reactive-dialects -am -Dtest=GoldenSqlTest -Dgolden.update=true}
 * rewrites the golden files from what the dialects render now (keeping each file's header), so a
 * change of rendering is reviewed as a diff of those files; without the property the test compares.
 */
class GoldenSqlTest {
  private static final String DIALECTS = "postgresql, sqlite, mysql, mariadb, h2, sqlserver, oracle, cockroachdb";

  /** Each catalogue section with the function that renders it. */
  private static final Map<String, java.util.function.Function<Dialect, Map<String, RenderedSql>>> SECTIONS =
      Map.of("catalogue", QueryCatalogue::render, "query-language", QueryCatalogue::renderQueryLanguage,
          "writes", QueryCatalogue::renderWrites, "advanced", QueryCatalogue::renderAdvanced,
          "model", QueryCatalogue::renderModel, "relations", dev.sluice.testing.RelationCatalogue::render,
          "json", dev.sluice.testing.JsonCatalogue::render);

  static java.util.stream.Stream<Arguments> sectionsAndDialects() {
    return SECTIONS.keySet().stream().sorted()
        .flatMap(section -> java.util.Arrays.stream(DIALECTS.split(", ")).map(d -> Arguments.of(section, d)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("sectionsAndDialects")
  void rendersExactly(String section, String dialect) throws IOException {
    check(section, dialect, SECTIONS.get(section).apply(Dialects.named(dialect)));
  }

  @org.junit.jupiter.api.Test
  void everyRegisteredDialectHasGoldenFiles() {
    // PostgreSQL's dialect for r2dbc-vertx shares its name (VertxPostgresDialectTest renders it)
    assertThat(Dialects.all().stream().map(dev.sluice.spi.Dialect::name).distinct())
        .containsExactlyInAnyOrder(DIALECTS.split(", "));
  }

  private static void check(String section, String dialect, Map<String, RenderedSql> rendered) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      update(section, dialect, rendered);
    }
    Map<String, String[]> golden = read("/golden/" + section + "-" + dialect + ".txt");
    assertThat(rendered.keySet()).as(section + " entries").containsExactlyElementsOf(golden.keySet());
    rendered.forEach((name, sql) -> {
      assertThat(sql.sql()).as(dialect + " " + name).isEqualTo(golden.get(name)[0]);
      assertThat(format(sql.values())).as(dialect + " " + name + " binds").isEqualTo(golden.get(name)[1]);
    });
  }

  /**
   * Writes the golden file of {@code section} and {@code dialect} in the source tree from
   * {@code rendered}, keeping the comment header of the file there, and refreshes the copy on the
   * test class path that {@link #read} then compares with.
   */
  private static void update(String section, String dialect, Map<String, RenderedSql> rendered) throws IOException {
    String name = section + "-" + dialect + ".txt";
    java.nio.file.Path source = java.nio.file.Path.of("src/test/resources/golden", name);
    StringBuilder out = new StringBuilder();
    if (java.nio.file.Files.exists(source)) {
      for (String line : java.nio.file.Files.readAllLines(source, StandardCharsets.UTF_8)) {
        if (!line.startsWith("#")) {
          break;
        }
        out.append(line).append('\n');
      }
    }
    if (out.length() == 0) {
      out.append("# The ").append(section).append(" catalogue rendered by the ").append(dialect)
          .append(" dialect:\n# one entry per query: its name, the exact SQL, and the binds.\n");
    }
    rendered.forEach((entry, sql) -> out.append("\n## ").append(entry).append('\n').append(sql.sql())
        .append("\nbinds: ").append(format(sql.values())).append('\n'));
    java.nio.file.Files.writeString(source, out.toString(), StandardCharsets.UTF_8);
    java.net.URL onClassPath = GoldenSqlTest.class.getResource("/golden/" + name);
    if (onClassPath != null && "file".equals(onClassPath.getProtocol())) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(java.net.URI.create(onClassPath.toString())),
          out.toString(), StandardCharsets.UTF_8);
    }
  }

  /** The binds as {@code [a, b, [c, d]]}: an array bind (PostgreSQL's ANY, unnest) shows its elements. */
  static String format(java.util.List<Object> values) {
    return java.util.Arrays.deepToString(values.toArray());
  }

  private static Map<String, String[]> read(String resource) throws IOException {
    Map<String, String[]> out = new LinkedHashMap<>();
    try (InputStream in = GoldenSqlTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith("## ")) {
          String binds = lines[i + 2];
          assertThat(binds).as(resource + " line " + (i + 3)).startsWith("binds: ");
          out.put(lines[i].substring(3).trim(), new String[] {lines[i + 1], binds.substring(7)});
        }
      }
    }
    return out;
  }
}
