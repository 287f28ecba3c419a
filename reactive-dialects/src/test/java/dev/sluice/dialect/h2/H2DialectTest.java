package dev.sluice.dialect.h2;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.CheckViolationException;
import dev.sluice.Database;
import dev.sluice.ForeignKeyViolationException;
import dev.sluice.NotNullViolationException;
import dev.sluice.SluiceException;
import dev.sluice.UniqueViolationException;
import dev.sluice.UnsupportedByDialectException;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.QueryCatalogue;
import dev.sluice.testing.Schema;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared catalogue, rendered by the H2 dialect: exact SQL and binds; its DDL and errors. */
class H2DialectTest {
  private final H2Dialect dialect = new H2Dialect();
  private final Map<String, RenderedSql> sql = QueryCatalogue.render(dialect);
  private final Database db = Database.builder().dialect(dialect).build();

  private void expect(String name, String text, Object... binds) {
    assertThat(sql.get(name).sql()).as(name).isEqualTo(text);
    assertThat(sql.get(name).values()).as(name + " binds").isEqualTo(Arrays.asList(binds));
  }

  /** r2dbc-h2 splits statement text at every ';': such identifiers are written with a U& escape. */
  @Test
  void quotesAnIdentifierWithASemicolonAsAUnicodeEscape() {
    assertThat(dialect.quote("plain \"q\"")).isEqualTo("\"plain \"\"q\"\"\"");
    assertThat(dialect.quote("odd \"ta'ble; drop")).isEqualTo("U&\"odd \"\"ta'ble\\003B drop\"");
    assertThat(dialect.quote("a\\b;")).isEqualTo("U&\"a\\\\b\\003B\"");
  }

  @Test
  void rendersTheCatalogue() {
    String cols = "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\"";
    expect("selectAll", cols);
    expect("selectById", cols + " WHERE \"id\" = $1", 42);
    expect("andOr", cols + " WHERE \"country_id\" = $1 AND (\"name\" = $2 OR \"popularity\" IS NULL)"
        + " ORDER BY \"name\" OFFSET $3 ROWS FETCH NEXT $4 ROWS ONLY", 1, "Dan", 20L, 10L);
    expect("comparisons", cols + " WHERE \"id\" <> $1 AND \"id\" > $2 AND \"id\" >= $3 AND \"id\" < $4"
        + " AND \"id\" <= $5", 1, 2, 3, 4, 5);
    expect("betweenInLike", cols + " WHERE \"id\" BETWEEN $1 AND $2 OR \"id\" IN ($3, $4, $5) OR"
        + " \"country_id\" NOT IN ($6) OR \"name\" LIKE $7 OR \"name\" ILIKE $8 OR"
        + " NOT (\"name\" IS NOT NULL)", 1, 9, 1, 2, 3, 7, "A%", "b%");
    expect("enumFilter", cols + " WHERE \"popularity\" = $1", "popular");
    expect("emptyIn", cols + " WHERE 1 = 0");
    expect("projection", "SELECT DISTINCT \"id\", \"name\" FROM \"cities\" ORDER BY \"name\" DESC"
        + " NULLS LAST, \"id\"");
    expect("insertOne", "INSERT INTO \"users\" (\"full_name\", \"phone\", \"email\", \"created_at\")"
        + " VALUES ($1, $2, $3, $4)", "Andrew", "555", "a@x", QueryCatalogue.NOW);
    expect("insertDefaulted", "INSERT INTO \"countries\" (\"name\") VALUES ($1)", "Peru");
    expect("update", "UPDATE \"users\" SET \"full_name\" = $1, \"phone\" = $2 WHERE \"full_name\" = $3",
        "Mr. Dan", null, "Dan");
    expect("updateAll", "UPDATE \"cities\" SET \"popularity\" = $1", "known");
    expect("delete", "DELETE FROM \"users\" WHERE \"full_name\" = $1", "Dan");
    expect("deleteAll", "DELETE FROM \"memberships\"");
    assertThat(sql).hasSize(14);
  }

  @Test
  void rendersTheQueryLanguageCatalogue() {
    Map<String, RenderedSql> q = QueryCatalogue.renderQueryLanguage(dialect);
    assertThat(q.get("innerJoin").sql()).endsWith("FROM \"cities\" INNER JOIN \"countries\" ON "
        + "\"cities\".\"country_id\" = \"countries\".\"id\" WHERE \"countries\".\"name\" = $1");
    assertThat(q.get("groupBy").sql()).isEqualTo("SELECT \"country_id\", COUNT(*) FROM \"cities\" "
        + "GROUP BY \"country_id\" HAVING COUNT(*) > $1 ORDER BY \"country_id\"");
    assertThat(q.get("functions").sql()).isEqualTo("SELECT LOWER(\"name\"), COALESCE(\"name\", $1), "
        + "LENGTH(\"name\"), (\"id\" + $2), (\"name\" || $3) FROM \"cities\"");
    assertThat(q.get("caseWhen").values()).containsExactly("popular", 2, "known", 1, 0);
    assertThat(q.get("scalarSubquery").sql()).isEqualTo("SELECT \"name\", (SELECT COUNT(*) FROM \"cities\" "
        + "WHERE \"cities\".\"country_id\" = \"countries\".\"id\") FROM \"countries\"");
    assertThat(q.get("raw").sql()).endsWith("WHERE \"id\" % 2 = $1");
    assertThat(q.get("forUpdate").sql()).endsWith("WHERE \"id\" = $1 FOR UPDATE");
    assertThat(q).hasSize(12);
  }

  @Test
  void rendersUpsertsAsMerge() {
    Map<String, RenderedSql> w = QueryCatalogue.renderWrites(dialect);
    assertThat(w.get("upsertNothing").sql()).startsWith("MERGE INTO \"countries\" USING (VALUES ($1))");
  }

  @Test
  void returningReadsADeltaTable() {
    var name = Schema.COUNTRIES.name.dataType();
    assertThat(dialect.render(new dev.sluice.sql.InsertQuery(Schema.COUNTRIES, List.of(Schema.COUNTRIES.name),
        List.of(List.of(new dev.sluice.sql.Param<>("A", name)), List.of(new dev.sluice.sql.Param<>("B", name))),
        List.of(Schema.COUNTRIES.id, Schema.COUNTRIES.name))).sql())
        .isEqualTo("SELECT \"id\", \"name\" FROM FINAL TABLE (INSERT INTO \"countries\" (\"name\") VALUES ($1), ($2))");
    assertThat(dialect.render(new dev.sluice.sql.DeleteQuery(Schema.COUNTRIES, null,
        List.of(Schema.COUNTRIES.id))).sql()).isEqualTo("SELECT \"id\" FROM OLD TABLE (DELETE FROM \"countries\")");
    assertThat(dialect.render(new dev.sluice.sql.UpdateQuery(Schema.COUNTRIES,
        List.of(new dev.sluice.sql.Assignment<>(Schema.COUNTRIES.name, new dev.sluice.sql.Param<>("x", name))),
        null, List.of(Schema.COUNTRIES.id))).sql())
        .isEqualTo("SELECT \"id\" FROM FINAL TABLE (UPDATE \"countries\" SET \"name\" = $1)");
    assertThat(db.selectFrom(Schema.KITCHENS).where(eq(Schema.KITCHENS.doc, "{}")).toSql(dialect).sql())
        .endsWith("WHERE \"doc\" = $1 FORMAT JSON");
    assertThatThrownBy(() -> db.selectFrom(Schema.CITIES).forShare().toSql(dialect))
        .isInstanceOf(UnsupportedByDialectException.class);
  }

  @Test
  void rendersTheSeedsDdl() {
    assertThat(dialect.createTable(Schema.CITIES)).containsExactly(
        "CREATE TABLE IF NOT EXISTS \"cities\" (\n  \"id\" INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
            + "  \"name\" VARCHAR(256),\n  \"country_id\" INTEGER,\n"
            + "  \"popularity\" VARCHAR(255) CHECK (\"popularity\" IN ('unknown', 'known', 'popular')),\n"
            + "  CONSTRAINT \"cities_country_id_fkey\" FOREIGN KEY"
            + " (\"country_id\") REFERENCES \"countries\" (\"id\")\n)");
    assertThat(dialect.createTable(Schema.KITCHENS)).containsExactly(
        "CREATE TABLE IF NOT EXISTS \"kitchens\" (\n"
            + "  \"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
            + "  \"small\" SMALLINT,\n"
            + "  \"medium\" INTEGER,\n"
            + "  \"big\" BIGINT,\n"
            + "  \"flag\" BOOLEAN,\n"
            + "  \"code\" CHAR(3),\n"
            + "  \"body\" CHARACTER VARYING,\n"
            + "  \"amount\" DECIMAL(12, 2),\n"
            + "  \"ratio\" REAL,\n"
            + "  \"score\" DOUBLE PRECISION,\n"
            + "  \"day\" DATE,\n"
            + "  \"clock\" TIME,\n"
            + "  \"stamp\" TIMESTAMP,\n"
            + "  \"stamp_tz\" TIMESTAMP WITH TIME ZONE,\n"
            + "  \"uid\" UUID,\n"
            + "  \"doc\" JSON,\n"
            + "  \"payload\" VARBINARY,\n"
            + "  \"popularity\" VARCHAR(255) CHECK (\"popularity\" IN ('unknown', 'known', 'popular')),\n"
            + "  \"price\" BIGINT\n)");
    assertThat(dialect.createTable(Schema.USERS)).last()
        .isEqualTo("CREATE INDEX IF NOT EXISTS \"users_full_name_index\" ON \"users\" (\"full_name\")");
  }

  private static R2dbcDataIntegrityViolationException h2(String state, String message) {
    return new R2dbcDataIntegrityViolationException(message, state, 0);
  }

  @Test
  void classifiesBySqlStateAndRedactsKeyValues() {
    RenderedSql insert = new RenderedSql("INSERT INTO \"users\" (\"full_name\") VALUES ($1)", List.of());
    SluiceException dup = dialect.translate(h2("23505", "Unique index or primary key violation: "
        + "\"PUBLIC.CONSTRAINT_INDEX_4 ON PUBLIC.users(email NULLS FIRST) VALUES ( /* 1 */ 'same@x.io' )\"; "
        + "SQL statement:\nINSERT INTO \"users\" (\"full_name\") VALUES ($1) [23505-240]"), insert, false);
    assertThat(dup).isInstanceOf(UniqueViolationException.class).hasMessageNotContaining("same@x.io");
    assertThat(((UniqueViolationException) dup).table()).isEqualTo("users");
    assertThat(((UniqueViolationException) dup).column()).isEqualTo("email");
    SluiceException nn = dialect.translate(h2("23502", "NULL not allowed for column \"full_name\"; SQL statement:"),
        insert, false);
    assertThat(nn).isInstanceOf(NotNullViolationException.class);
    assertThat(((NotNullViolationException) nn).table()).isEqualTo("users");
    assertThat(((NotNullViolationException) nn).column()).isEqualTo("full_name");
    SluiceException fk = dialect.translate(h2("23506", "Referential integrity constraint violation: "
        + "\"cities_country_id_fkey: PUBLIC.cities FOREIGN KEY(country_id) REFERENCES PUBLIC.countries(id) "
        + "(999999)\"; SQL statement:"), insert, false);
    assertThat(fk).isInstanceOf(ForeignKeyViolationException.class).hasMessageNotContaining("999999");
    assertThat(((ForeignKeyViolationException) fk).table()).isEqualTo("cities");
    assertThat(((ForeignKeyViolationException) fk).column()).isEqualTo("country_id");
    assertThat(((ForeignKeyViolationException) fk).constraint()).isEqualTo("cities_country_id_fkey");
    assertThat(dialect.translate(h2("23513", "Check constraint violation: \"CONSTRAINT_8: \"; SQL statement:"),
        insert, false)).isInstanceOf(CheckViolationException.class);
  }

  @Test
  void isFoundByServiceLoaderFromDriverMetadata() {
    assertThat(Dialects.named("h2")).isInstanceOf(H2Dialect.class);
    assertThat(Dialects.detect(() -> "H2")).isInstanceOf(H2Dialect.class);
  }
}
