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
  void rendersTheQueryLanguageCatalogue() {
    Map<String, RenderedSql> q = QueryCatalogue.renderQueryLanguage(dialect);
    String cities = "\"cities\".\"id\", \"cities\".\"name\", \"cities\".\"country_id\", \"cities\".\"popularity\"";
    assertThat(q.get("innerJoin").sql()).isEqualTo("SELECT " + cities + ", \"countries\".\"id\", "
        + "\"countries\".\"name\" FROM \"cities\" INNER JOIN \"countries\" ON \"cities\".\"country_id\" = "
        + "\"countries\".\"id\" WHERE \"countries\".\"name\" = $1");
    assertThat(q.get("manyToMany").sql()).isEqualTo("SELECT \"memberships\".\"user_id\", "
        + "\"memberships\".\"group_id\", \"users\".\"id\", \"users\".\"full_name\", \"users\".\"phone\", "
        + "\"users\".\"email\", \"users\".\"created_at\", \"chat_groups\".\"id\", \"chat_groups\".\"name\" "
        + "FROM \"memberships\" LEFT JOIN \"users\" ON \"memberships\".\"user_id\" = \"users\".\"id\" "
        + "LEFT JOIN \"chat_groups\" ON \"memberships\".\"group_id\" = \"chat_groups\".\"id\" "
        + "WHERE \"chat_groups\".\"id\" = $1");
    assertThat(q.get("selfJoin").sql()).endsWith("FROM \"cities\" INNER JOIN \"cities\" AS \"twin\" ON "
        + "\"cities\".\"country_id\" = \"twin\".\"country_id\" AND \"cities\".\"id\" < \"twin\".\"id\"");
    assertThat(q.get("groupBy").sql()).isEqualTo("SELECT \"country_id\", COUNT(*) FROM \"cities\" GROUP BY "
        + "\"country_id\" HAVING COUNT(*) > $1 ORDER BY \"country_id\"");
    assertThat(q.get("groupBy").values()).containsExactly(1L);
    assertThat(q.get("aggregates").sql()).isEqualTo("SELECT COUNT(*), COUNT(DISTINCT \"country_id\"), "
        + "SUM(\"id\"), AVG(\"id\"), MIN(\"name\"), MAX(\"id\") FROM \"cities\"");
    assertThat(q.get("functions").sql()).isEqualTo("SELECT LOWER(\"name\"), COALESCE(\"name\", $1), "
        + "LENGTH(\"name\"), (\"id\" + $2), (\"name\" || $3) FROM \"cities\"");
    assertThat(q.get("functions").values()).containsExactly("?", 1, "!");
    assertThat(q.get("caseWhen").sql()).isEqualTo("SELECT \"name\", CASE WHEN \"popularity\" = "
        + "$1::\"popularity\" THEN $2 WHEN \"popularity\" = $3::\"popularity\" THEN $4 ELSE $5 END FROM \"cities\"");
    assertThat(q.get("caseWhen").values()).containsExactly("popular", 2, "known", 1, 0);
    assertThat(q.get("exists").sql()).isEqualTo("SELECT \"id\", \"name\" FROM \"countries\" WHERE EXISTS "
        + "(SELECT \"cities\".\"id\" FROM \"cities\" WHERE \"cities\".\"country_id\" = \"countries\".\"id\")");
    assertThat(q.get("inSubquery").sql()).endsWith("WHERE \"id\" IN (SELECT \"memberships\".\"user_id\" "
        + "FROM \"memberships\" WHERE \"memberships\".\"group_id\" = $1)");
    assertThat(q.get("scalarSubquery").sql()).isEqualTo("SELECT \"name\", (SELECT COUNT(*) FROM \"cities\" "
        + "WHERE \"cities\".\"country_id\" = \"countries\".\"id\") FROM \"countries\"");
    assertThat(q.get("raw").sql()).endsWith("WHERE \"id\" % 2 = $1");
    assertThat(q.get("raw").values()).containsExactly(0);
    assertThat(q.get("forUpdate").sql()).endsWith("WHERE \"id\" = $1 FOR UPDATE");
    assertThat(q).hasSize(12);
  }

  @Test
  void rendersUpsertsAsOnConflict() {
    Map<String, RenderedSql> w = QueryCatalogue.renderWrites(dialect);
    assertThat(w.get("upsertUpdate").sql()).isEqualTo("INSERT INTO \"users\" (\"full_name\", \"phone\", "
        + "\"email\", \"created_at\") VALUES ($1, $2, $3, $4) ON CONFLICT (\"email\") DO UPDATE SET "
        + "\"full_name\" = EXCLUDED.\"full_name\"");
    assertThat(w.get("upsertNothing").sql()).isEqualTo("INSERT INTO \"countries\" (\"name\") VALUES ($1) "
        + "ON CONFLICT (\"name\") DO NOTHING");
    assertThat(w.get("upsertNothing").values()).containsExactly("Peru");
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
