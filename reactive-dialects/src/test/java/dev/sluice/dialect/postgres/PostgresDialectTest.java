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
  private final Map<String, RenderedSql> sql = QueryCatalogue.render(dialect);

  private void expect(String name, String text, Object... binds) {
    assertThat(sql.get(name).sql()).as(name).isEqualTo(text);
    assertThat(sql.get(name).values()).as(name + " binds").isEqualTo(Arrays.asList(binds));
  }

  @Test
  void rendersTheCatalogue() {
    String cols = "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\"";
    expect("selectAll", cols);
    expect("selectById", cols + " WHERE \"id\" = $1", 42);
    expect("andOr", cols + " WHERE \"country_id\" = $1 AND (\"name\" = $2 OR \"popularity\" IS NULL)"
        + " ORDER BY \"name\" LIMIT $3 OFFSET $4", 1, "Dan", 10L, 20L);
    expect("comparisons", cols + " WHERE \"id\" <> $1 AND \"id\" > $2 AND \"id\" >= $3 AND \"id\" < $4"
        + " AND \"id\" <= $5", 1, 2, 3, 4, 5);
    expect("betweenInLike", cols + " WHERE \"id\" BETWEEN $1 AND $2 OR \"id\" IN ($3, $4, $5) OR"
        + " \"country_id\" NOT IN ($6) OR \"name\" LIKE $7 OR \"name\" ILIKE $8 OR"
        + " NOT (\"name\" IS NOT NULL)", 1, 9, 1, 2, 3, 7, "A%", "b%");
    expect("enumFilter", cols + " WHERE \"popularity\" = $1::\"popularity\"", "popular");
    expect("emptyIn", cols + " WHERE 1 = 0");
    expect("projection", "SELECT DISTINCT \"id\", \"name\" FROM \"cities\" ORDER BY \"name\" DESC"
        + " NULLS LAST, \"id\"");
    expect("insertOne", "INSERT INTO \"users\" (\"full_name\", \"phone\", \"email\", \"created_at\")"
        + " VALUES ($1, $2, $3, $4)", "Andrew", "555", "a@x", QueryCatalogue.NOW);
    expect("insertDefaulted", "INSERT INTO \"countries\" (\"name\") VALUES ($1)", "Peru");
    expect("update", "UPDATE \"users\" SET \"full_name\" = $1, \"phone\" = $2 WHERE \"full_name\" = $3",
        "Mr. Dan", null, "Dan");
    expect("updateAll", "UPDATE \"cities\" SET \"popularity\" = $1::\"popularity\"", "known");
    expect("delete", "DELETE FROM \"users\" WHERE \"full_name\" = $1", "Dan");
    expect("deleteAll", "DELETE FROM \"memberships\"");
    assertThat(sql).hasSize(14);
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
