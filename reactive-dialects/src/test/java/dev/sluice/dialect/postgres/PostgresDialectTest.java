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
