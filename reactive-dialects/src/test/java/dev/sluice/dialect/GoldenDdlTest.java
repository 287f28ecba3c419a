package dev.sluice.dialect;

import dev.sluice.schema.Table;
import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.testing.Literals;
import dev.sluice.testing.Schema;
import java.io.IOException;
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
    String header = "# The DDL (createTable, dropTable) of the seed schema and the literal tables,\n"
        + "# rendered by the " + dialect + " dialect.\n";
    GoldenFiles.check(name, header, dialect, "tables", rendered);
  }

  private static Map<String, String> render(Dialect d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Table<?> t : TABLES) {
      out.put(t.name(), GoldenFiles.attempt(() -> String.join("\n;;\n", d.createTable(t))) + "\n-- drop\n"
          + GoldenFiles.attempt(() -> String.join("\n;;\n", d.dropTable(t))));
    }
    return out;
  }
}
