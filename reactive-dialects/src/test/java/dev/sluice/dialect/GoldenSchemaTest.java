package dev.sluice.dialect;

import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.SchemaCatalogue;
import java.io.IOException;
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
    String header = "# Tables in the schema \"audit\" and generated columns (SchemaCatalogue),\n"
        + "# rendered by the " + dialect + " dialect.\n";
    GoldenFiles.check(name, header, dialect, "entries", rendered);
  }

  private static Map<String, String> render(Dialect d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, RenderedSql> e : SchemaCatalogue.render(d).entrySet()) {
      RenderedSql r = e.getValue();
      out.put(e.getKey(), r.sql() + "\nbinds: " + r.binds().stream().map(b -> String.valueOf(b.value())).toList());
    }
    for (Table<?> t : SchemaCatalogue.tables()) {
      out.put("ddl " + t.name(), GoldenFiles.attempt(() -> String.join("\n;;\n", d.createTable(t))) + "\n-- drop\n"
          + GoldenFiles.attempt(() -> String.join("\n;;\n", d.dropTable(t))));
    }
    return out;
  }
}
