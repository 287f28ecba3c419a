package dev.sluice.examples.readme;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.dialect.postgres.PostgresDialect;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SQL the README's snippets print in comments is the SQL PostgreSQL gets ("..." elides). */
class ReadmeSqlTest {
  private final PostgresDialect pg = new PostgresDialect();
  private final Database db = Database.builder().dialect(pg).build();

  /** The comment starting with {@code first} and its indented continuation lines, without the slashes, joined. */
  private static String comment(String snippet, String first) {
    String region = ReadmeSnippetsTest.regions(RepositoryFiles.root()).get(snippet);
    String[] lines = region.split("\n");
    StringBuilder out = new StringBuilder();
    boolean in = false;
    for (String l : lines) {
      String s = l.strip();
      if (s.startsWith(first)) {
        in = true;
        out.append(s.substring(2).strip());
      } else if (in && s.startsWith("//   ")) {
        out.append(' ').append(s.substring(2).strip());
      } else if (in) {
        break;
      }
    }
    assertThat(out).as(snippet + ": a comment starting " + first).isNotEmpty();
    return out.toString();
  }

  /** {@code pattern} with each "..." standing for any text. */
  private static Pattern elided(String pattern) {
    return Pattern.compile(Pattern.compile("\\.\\.\\.").splitAsStream(pattern).map(Pattern::quote)
        .collect(Collectors.joining(".*")) + (pattern.endsWith("...") ? ".*" : ""));
  }

  @Test
  void theQueryBlockShowsWhatPostgresRenders() {
    assertThat("PostgreSQL: " + TourSnippets.andOr(db).toSql(pg).sql())
        .isEqualTo(comment("queries", "// PostgreSQL:"));
  }

  @Test
  void theCommonTableBlockShowsWhatPostgresRenders() {
    var totals = TourSnippets.TOTALS;
    String with = db.with(totals, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId))
        .selectFrom(totals).where(gt(totals.cities, 1L)).toSql(pg).sql();
    assertThat(with).matches(elided(comment("common-tables", "// WITH")));
    var t = derived(totals, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId));
    String derived = db.selectFrom(COUNTRIES).join(t).on(eq(COUNTRIES.id, t.countryId)).toSql(pg).sql();
    assertThat(derived).matches(elided(comment("common-tables", "// ...")));
  }

  @Test
  void theJsonWritesBlockShowsWhatPostgresRenders() {
    var c = ViewsJsonSnippet.CUSTOMERS;
    String set = db.update(c).set(c.profile, dev.sluice.query.Json.set(c.profile,
        new ViewsJsonSnippet.Address("Cusco", "08000"), "address")).where(eq(c.id, 1)).toSql(pg).sql();
    assertThat("PostgreSQL: " + set).isEqualTo(comment("json-writes", "// PostgreSQL:"));
  }
}
