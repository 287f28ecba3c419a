package dev.sluice.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.testing.QueryCatalogue;
import dev.sluice.testing.Schema;
import dev.sluice.sql.RenderedSql;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardDialectRenderTest {
  private final Map<String, RenderedSql> sql = QueryCatalogue.render(new StandardDialect());

  private void expect(String name, String text, Object... binds) {
    assertThat(sql.get(name).sql()).as(name).isEqualTo(text);
    assertThat(sql.get(name).values()).as(name + " binds").isEqualTo(Arrays.asList(binds));
  }

  @Test
  void rendersTheCatalogueInStandardSql() {
    String cols = "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\"";
    expect("selectAll", cols);
    expect("selectById", cols + " WHERE \"id\" = ?", 42);
    expect("andOr", cols + " WHERE \"country_id\" = ? AND (\"name\" = ? OR \"popularity\" IS NULL)"
        + " ORDER BY \"name\" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", 1, "Dan", 20L, 10L);
    expect("comparisons", cols + " WHERE \"id\" <> ? AND \"id\" > ? AND \"id\" >= ? AND \"id\" < ?"
        + " AND \"id\" <= ?", 1, 2, 3, 4, 5);
    expect("betweenInLike", cols + " WHERE \"id\" BETWEEN ? AND ? OR \"id\" IN (?, ?, ?) OR"
        + " \"country_id\" NOT IN (?) OR \"name\" LIKE ? OR LOWER(\"name\") LIKE LOWER(?) OR"
        + " NOT (\"name\" IS NOT NULL)", 1, 9, 1, 2, 3, 7, "A%", "b%");
    expect("enumFilter", cols + " WHERE \"popularity\" = ?", "popular");
    expect("emptyIn", cols + " WHERE 1 = 0");
    expect("projection", "SELECT DISTINCT \"id\", \"name\" FROM \"cities\" ORDER BY \"name\" DESC"
        + " NULLS LAST, \"id\"");
    expect("insertOne", "INSERT INTO \"users\" (\"full_name\", \"phone\", \"email\", \"created_at\")"
        + " VALUES (?, ?, ?, ?)", "Andrew", "555", "a@x", QueryCatalogue.NOW);
    expect("insertDefaulted", "INSERT INTO \"countries\" (\"name\") VALUES (?)", "Peru");
    expect("update", "UPDATE \"users\" SET \"full_name\" = ?, \"phone\" = ? WHERE \"full_name\" = ?",
        "Mr. Dan", null, "Dan");
    expect("updateAll", "UPDATE \"cities\" SET \"popularity\" = ?", "known");
    expect("delete", "DELETE FROM \"users\" WHERE \"full_name\" = ?", "Dan");
    expect("deleteAll", "DELETE FROM \"memberships\"");
    assertThat(sql).hasSize(14);
  }

  @Test
  void rendersTheQueryLanguageCatalogue() {
    Map<String, RenderedSql> q = QueryCatalogue.renderQueryLanguage(new StandardDialect());
    assertThat(q.get("manyToMany").sql()).contains("FROM \"memberships\" LEFT JOIN \"users\" ON "
        + "\"memberships\".\"user_id\" = \"users\".\"id\" LEFT JOIN \"chat_groups\" ON "
        + "\"memberships\".\"group_id\" = \"chat_groups\".\"id\" WHERE \"chat_groups\".\"id\" = ?");
    assertThat(q.get("aggregates").sql()).isEqualTo("SELECT COUNT(*), COUNT(DISTINCT \"country_id\"), "
        + "SUM(\"id\"), AVG(\"id\"), MIN(\"name\"), MAX(\"id\") FROM \"cities\"");
    assertThat(q.get("scalarSubquery").sql()).isEqualTo("SELECT \"name\", (SELECT COUNT(*) FROM "
        + "\"cities\" WHERE \"cities\".\"country_id\" = \"countries\".\"id\") FROM \"countries\"");
    assertThat(q.get("forUpdate").sql()).endsWith("WHERE \"id\" = ? FOR UPDATE");
    assertThat(q.get("selectWithoutFrom").sql()).isEqualTo("SELECT (40 + ?), UPPER('a')");
    assertThat(q).hasSize(13);
  }

  @Test
  void rawSqlPlaceholdersMustNameAnArgument() {
    dev.sluice.Database db = dev.sluice.Database.builder().dialect(new StandardDialect()).build();
    assertThatThrownBy(() -> db.selectFrom(Schema.CITIES)
        .where(dev.sluice.query.Dsl.sql("{0} = {2}", Schema.CITIES.id, 1)).toSql(new StandardDialect()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{2}");
  }

  @Test
  void rendersUpsertsAsMerge() {
    Map<String, RenderedSql> w = QueryCatalogue.renderWrites(new StandardDialect());
    assertThat(w.get("upsertNothing").sql()).isEqualTo("MERGE INTO \"countries\" USING (VALUES (?)) AS "
        + "\"excluded\" (\"name\") ON (\"countries\".\"name\" = \"excluded\".\"name\") WHEN NOT MATCHED THEN "
        + "INSERT (\"name\") VALUES (\"excluded\".\"name\")");
    assertThat(w.get("upsertUpdate").sql()).contains("WHEN MATCHED THEN UPDATE SET \"full_name\" = "
        + "\"excluded\".\"full_name\" WHEN NOT MATCHED THEN INSERT");
  }

  @Test
  void rendersSetOperationsWithStandardPaging() {
    Map<String, RenderedSql> w = QueryCatalogue.renderWrites(new StandardDialect());
    assertThat(w.get("union").sql()).isEqualTo("SELECT \"full_name\" FROM \"users\" WHERE \"full_name\" "
        + "LIKE ? UNION SELECT \"name\" FROM \"chat_groups\" ORDER BY \"full_name\" FETCH NEXT ? ROWS ONLY");
  }

  @Test
  void quotesIdentifiersByDoublingQuotes() {
    assertThat(new StandardDialect().quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
  }

  @Test
  void storesEnumsAsCheckedTextWhereThereAreNoEnumTypes() {
    assertThat(new StandardDialect().createTable(Schema.CITIES).get(0))
        .contains("\"popularity\" VARCHAR(255) CHECK (\"popularity\" IN ('unknown', 'known', 'popular'))")
        .contains("CONSTRAINT \"cities_country_id_fkey\" FOREIGN KEY (\"country_id\") REFERENCES"
            + " \"countries\" (\"id\")");
  }

  @Test
  void returningIsRejectedAtRenderTimeWhereUnsupported() {
    dev.sluice.Database db = dev.sluice.Database.builder().dialect(new StandardDialect()).build();
    assertThatThrownBy(() -> new StandardDialect().render(new dev.sluice.sql.DeleteQuery(
        Schema.USERS, null, Schema.USERS.columns())))
        .isInstanceOf(UnsupportedByDialectException.class)
        .hasMessage("RETURNING is not supported by the standard dialect");
    assertThat(db.dialect().name()).isEqualTo("standard");
  }
}
