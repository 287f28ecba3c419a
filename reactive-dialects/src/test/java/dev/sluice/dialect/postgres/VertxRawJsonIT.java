package dev.sluice.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.SluiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Raw SQL through Sluice on r2dbc-vertx, which the dialect cannot cast: a JSON value the driver can
 * prove exact reads as the server's text, any other fails naming the column and the cast to text.
 */
class VertxRawJsonIT {
  private static final Duration T = Duration.ofSeconds(30);

  private final Database db = Database.builder()
      .connectionFactory(VertxPostgresTarget.INSTANCE.connectionFactory()).build();

  @Test
  void anExactDocumentReadsAsTheServersTextAndAnInexactOneFailsNamingTheCast() {
    assertThat(db.sql("SELECT CAST({0} AS jsonb) AS doc", "{\"b\": [1, 2], \"a\": 100}").fetch()
        .map(r -> r.get("doc", String.class)).blockLast(T)).isEqualTo("{\"a\": 100, \"b\": [1, 2]}");
    assertThatThrownBy(() -> db.sql("SELECT CAST({0} AS jsonb) AS doc", "{\"a\": 1.50}").fetch().blockLast(T))
        .isInstanceOf(SluiceException.class)
        .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains("'doc'") && m.contains("doc::text")));
    assertThat(db.sql("SELECT CAST(CAST({0} AS jsonb) AS text) AS doc", "{\"a\": 1.50}").fetch()
        .map(r -> r.get("doc", String.class)).blockLast(T)).isEqualTo("{\"a\": 1.50}");
  }

  private static List<String> messages(Throwable e) {
    List<String> out = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      out.add(String.valueOf(t.getMessage()));
    }
    return out;
  }
}
