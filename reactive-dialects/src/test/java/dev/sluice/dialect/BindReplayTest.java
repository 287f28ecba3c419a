package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Dialect;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import dev.sluice.testing.QueryCatalogue;
import dev.sluice.testing.RenderCacheProbe;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The render cache replays binds: on a hit, it reuses the SQL text of an
 * earlier statement of the same shape and collects only the binds again ({@code dialect.binds}). For
 * every statement of every golden catalogue section in every dialect, the replayed binds must equal
 * those of a fresh render, value for value and type for type, or a cached statement would run with
 * its values in the wrong places.
 */
class BindReplayTest {
  private static final String DIALECTS = "postgresql, sqlite, mysql, mariadb, h2, sqlserver, oracle, cockroachdb";

  private static final Map<String, Function<Dialect, Map<String, RenderedSql>>> SECTIONS = Map.of(
      "catalogue", QueryCatalogue::render, "query-language", QueryCatalogue::renderQueryLanguage,
      "writes", QueryCatalogue::renderWrites, "advanced", QueryCatalogue::renderAdvanced);

  static java.util.stream.Stream<Arguments> sectionsAndDialects() {
    return SECTIONS.keySet().stream().sorted()
        .flatMap(section -> Arrays.stream(DIALECTS.split(", ")).map(d -> Arguments.of(section, d)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("sectionsAndDialects")
  void replayedBindsEqualFreshOnes(String section, String name) {
    Dialect dialect = Dialects.named(name);
    List<Statement> statements = new ArrayList<>();
    Map<String, RenderedSql> rendered = SECTIONS.get(section).apply(recording(dialect, statements));
    assertThat(statements).as("statements rendered").hasSizeGreaterThanOrEqualTo(rendered.size());
    RenderCacheProbe cache = new RenderCacheProbe(dialect);
    for (Statement s : statements) {
      RenderedSql fresh = dialect.render(s);
      assertThat(format(dialect.binds(s))).as("%s: binds(statement)", fresh.sql()).isEqualTo(format(fresh.binds()));
      RenderedSql miss = cache.render(s);
      RenderedSql hit = cache.render(s);
      assertThat(hit.sql()).as("cached text").isEqualTo(fresh.sql()).isEqualTo(miss.sql());
      assertThat(format(hit.binds())).as("%s: binds replayed on a cache hit", fresh.sql())
          .isEqualTo(format(fresh.binds()));
    }
  }

  /** Each bind as its driver type and value, arrays (PostgreSQL's unnest and ANY) by content. */
  private static List<String> format(List<Bind> binds) {
    return binds.stream().map(b -> b.type() + "=" + Arrays.deepToString(new Object[] {b.value()})).toList();
  }

  /** {@code dialect}, recording every statement it is asked to render. */
  private static Dialect recording(Dialect dialect, List<Statement> statements) {
    return (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(), new Class<?>[] {Dialect.class},
        (proxy, method, args) -> {
          if (method.getName().equals("render") && args != null && args.length == 1
              && args[0] instanceof Statement s) {
            statements.add(s);
          }
          try {
            return method.invoke(dialect, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
