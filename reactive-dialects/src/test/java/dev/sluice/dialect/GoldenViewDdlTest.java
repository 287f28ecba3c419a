package dev.sluice.dialect;

import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Views;
import java.io.IOException;
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
    String header = "# The DDL (createTable, dropTable) of the test views,\n"
        + "# rendered by the " + dialect + " dialect.\n";
    GoldenFiles.check(name, header, dialect, "views", rendered);
  }

  private static Map<String, String> render(Dialect d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Table<?> t : VIEWS) {
      out.put(t.name(), GoldenFiles.attempt(() -> String.join("\n;;\n", d.createTable(t))) + "\n-- drop\n"
          + GoldenFiles.attempt(() -> String.join("\n;;\n", d.dropTable(t))));
    }
    return out;
  }
}
