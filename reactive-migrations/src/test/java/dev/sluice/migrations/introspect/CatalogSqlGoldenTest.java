package dev.sluice.migrations.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact catalog SQL of the introspectors that cannot run live on this machine (SQL Server,
 * Oracle, CockroachDB), byte for byte against {@code src/test/resources/golden/introspect/<dialect>/<query>.sql}.
 * Run with {@code -Dgolden.update=true} to rewrite the files after a deliberate change, then read the diff.
 */
class CatalogSqlGoldenTest {
  static Map<String, CatalogIntrospector> introspectors() {
    return Map.of("sqlserver", new SqlServerIntrospector(), "oracle", new OracleIntrospector(),
        "cockroachdb", new CockroachIntrospector());
  }

  static Stream<Arguments> queries() {
    return introspectors().entrySet().stream().flatMap(e -> e.getValue().queries().keySet().stream()
        .map(q -> Arguments.of(e.getKey(), q)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("queries")
  void catalogQueryIsTheGoldenText(String dialect, String query) throws IOException {
    String sql = introspectors().get(dialect).queries().get(query) + "\n";
    Path file = Path.of("src/test/resources/golden/introspect/" + dialect + "/" + query + ".sql");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
    assertThat(sql).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenFileIsAQueryOfItsIntrospector() throws IOException {
    for (Map.Entry<String, CatalogIntrospector> e : introspectors().entrySet()) {
      try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/introspect/" + e.getKey()))) {
        assertThat(files.map(f -> f.getFileName().toString().replace(".sql", "")))
            .as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue().queries().keySet());
      }
    }
  }

  @Test
  void theIntrospectorIsChosenByDialectName() {
    assertThat(Introspector.forDialect("sqlserver")).isInstanceOf(SqlServerIntrospector.class);
    assertThat(Introspector.forDialect("oracle")).isInstanceOf(OracleIntrospector.class);
    assertThat(Introspector.forDialect("cockroachdb")).isInstanceOf(CockroachIntrospector.class);
  }
}
