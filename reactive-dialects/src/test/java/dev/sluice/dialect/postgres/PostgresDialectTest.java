package dev.sluice.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.QueryCatalogue;
import dev.sluice.testing.Schema;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared catalogue, rendered by the PostgreSQL dialect: exact SQL and binds. */
class PostgresDialectTest {
  private final PostgresDialect dialect = new PostgresDialect();

  private static io.r2dbc.spi.R2dbcException pg(String state, String message) {
    return new io.r2dbc.spi.R2dbcException(message, state, 0) { };
  }

  @Test
  void classifiesPostgresOwnCodesAndLostBackends() {
    RenderedSql sql = new RenderedSql("SELECT 1", java.util.List.of());
    assertThat(dialect.translate(pg("40P01", "deadlock detected"), sql, false))
        .isInstanceOf(dev.sluice.error.DeadlockException.class);
    assertThat(dialect.translate(pg("55P03", "could not obtain lock on row"), sql, false))
        .isInstanceOf(dev.sluice.error.LockNotAvailableException.class);
    assertThat(dialect.translate(pg("57014", "canceling statement due to statement timeout"), sql, false))
        .isInstanceOf(dev.sluice.error.QueryTimeoutException.class);
    assertThat(dialect.translate(pg("57014", "canceling statement due to user request"), sql, false))
        .isExactlyInstanceOf(dev.sluice.error.QueryCancelledException.class);
    assertThat(dialect.translate(pg("53300", "too many connections"), sql, false))
        .isInstanceOf(dev.sluice.error.TransientResourceException.class);
    assertThat(dialect.isConnectionLost(pg("57P01", "terminating connection due to administrator command"))).isTrue();
    assertThat(dialect.isConnectionLost(pg("08006", "connection failure"))).isTrue();
    assertThat(dialect.isConnectionLost(pg("23505", "duplicate key"))).isFalse();
    assertThat(new dev.sluice.spi.StandardDialect().isConnectionLost(pg("57P01", "terminating"))).isFalse();
  }

  @Test
  void rendersSetOperationsAndInsertSelect() {
    Map<String, RenderedSql> w = QueryCatalogue.renderWrites(dialect);
    assertThat(w.get("union").sql()).isEqualTo("SELECT \"full_name\" FROM \"users\" WHERE \"full_name\" "
        + "LIKE $1 UNION SELECT \"name\" FROM \"chat_groups\" ORDER BY \"full_name\" LIMIT $2");
    assertThat(w.get("union").values()).containsExactly("A%", 5L);
    assertThat(w.get("insertSelect").sql()).isEqualTo("INSERT INTO \"countries\" (\"name\") SELECT "
        + "\"full_name\" FROM \"users\" WHERE \"email\" IS NOT NULL");
  }

  @Test
  void rendersTheSeedsDdl() {
    assertThat(dialect.createTable(Schema.CITIES)).containsExactly(
        "DO $$ BEGIN\n CREATE TYPE \"popularity\" AS ENUM ('unknown', 'known', 'popular');\n"
            + "EXCEPTION\n WHEN duplicate_object THEN null;\nEND $$",
        "CREATE TABLE IF NOT EXISTS \"cities\" (\n  \"id\" SERIAL PRIMARY KEY,\n"
            + "  \"name\" character varying(256),\n  \"country_id\" INT,\n"
            + "  \"popularity\" \"popularity\",\n  CONSTRAINT \"cities_country_id_fkey\" FOREIGN KEY"
            + " (\"country_id\") REFERENCES \"countries\" (\"id\")\n)");
    assertThat(dialect.createTable(Schema.USERS)).last()
        .isEqualTo("CREATE INDEX IF NOT EXISTS \"users_full_name_index\" ON \"users\" (\"full_name\")");
  }

  @Test
  void isFoundByServiceLoaderFromDriverMetadata() {
    assertThat(Dialects.named("postgresql")).isInstanceOf(PostgresDialect.class);
    assertThat(Dialects.detect(() -> "PostgreSQL")).isInstanceOf(PostgresDialect.class);
  }
}
