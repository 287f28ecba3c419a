package dev.sluice.dialect.oracle;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.CheckViolationException;
import dev.sluice.Database;
import dev.sluice.DeadlockException;
import dev.sluice.ForeignKeyViolationException;
import dev.sluice.NotNullViolationException;
import dev.sluice.SerializationFailureException;
import dev.sluice.SluiceException;
import dev.sluice.UniqueViolationException;
import dev.sluice.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.Bind;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.QueryCatalogue;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared catalogue rendered by the Oracle dialect: exact SQL and binds; DDL; errors. */
class OracleDialectTest {
  private final OracleDialect dialect = new OracleDialect();
  private final Map<String, RenderedSql> sql = QueryCatalogue.render(dialect);
  private final Database db = Database.builder().dialect(dialect).build();
  private static final String COLS = "SELECT \"id\", \"name\", \"country_id\", \"popularity\" FROM \"cities\"";

  private void expect(String name, String text, Object... binds) {
    assertThat(sql.get(name).sql()).as(name).isEqualTo(text);
    assertThat(sql.get(name).values()).as(name + " binds").isEqualTo(Arrays.asList(binds));
  }

  @Test
  void rendersTheCatalogue() {
    expect("selectAll", COLS);
    expect("selectById", COLS + " WHERE \"id\" = ?", 42);
    expect("andOr", COLS + " WHERE \"country_id\" = ? AND (\"name\" = ? OR \"popularity\" IS NULL)"
        + " ORDER BY \"name\" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", 1, "Dan", 20L, 10L);
    expect("comparisons", COLS + " WHERE \"id\" <> ? AND \"id\" > ? AND \"id\" >= ? AND \"id\" < ?"
        + " AND \"id\" <= ?", 1, 2, 3, 4, 5);
    expect("betweenInLike", COLS + " WHERE \"id\" BETWEEN ? AND ? OR \"id\" IN (?, ?, ?) OR"
        + " \"country_id\" NOT IN (?) OR \"name\" LIKE ? OR LOWER(\"name\") LIKE LOWER(?) OR"
        + " NOT (\"name\" IS NOT NULL)", 1, 9, 1, 2, 3, 7, "A%", "b%");
    expect("enumFilter", COLS + " WHERE \"popularity\" = ?", "popular");
    expect("emptyIn", COLS + " WHERE 1 = 0");
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
    assertThat(sql).containsOnlyKeys("selectAll", "selectById", "andOr", "comparisons", "betweenInLike",
        "enumFilter", "emptyIn", "projection", "insertOne", "insertDefaulted", "update", "updateAll",
        "delete", "deleteAll");
  }

  @Test
  void rendersTheQueryLanguageCatalogue() {
    Map<String, RenderedSql> q = QueryCatalogue.renderQueryLanguage(dialect);
    String cities = "\"cities\".\"id\", \"cities\".\"name\", \"cities\".\"country_id\", \"cities\".\"popularity\"";
    assertThat(q.get("innerJoin").sql()).isEqualTo("SELECT " + cities + ", \"countries\".\"id\","
        + " \"countries\".\"name\" FROM \"cities\" INNER JOIN \"countries\" ON \"cities\".\"country_id\" ="
        + " \"countries\".\"id\" WHERE \"countries\".\"name\" = ?");
    assertThat(q.get("selfJoin").sql()).as("no AS before a table alias").endsWith("FROM \"cities\" INNER JOIN"
        + " \"cities\" \"twin\" ON \"cities\".\"country_id\" = \"twin\".\"country_id\" AND \"cities\".\"id\" <"
        + " \"twin\".\"id\"");
    assertThat(q.get("groupBy").sql()).isEqualTo("SELECT \"country_id\", COUNT(*) FROM \"cities\" GROUP BY"
        + " \"country_id\" HAVING COUNT(*) > ? ORDER BY \"country_id\"");
    assertThat(q.get("functions").sql()).isEqualTo("SELECT LOWER(\"name\"), COALESCE(\"name\", ?),"
        + " LENGTH(\"name\"), (\"id\" + ?), (\"name\" || ?) FROM \"cities\"");
    assertThat(q.get("functions").values()).containsExactly("?", 1, "!");
    assertThat(q.get("caseWhen").sql()).isEqualTo("SELECT \"name\", CASE WHEN \"popularity\" = ? THEN ?"
        + " WHEN \"popularity\" = ? THEN ? ELSE ? END FROM \"cities\"");
    assertThat(q.get("exists").sql()).isEqualTo("SELECT \"id\", \"name\" FROM \"countries\" WHERE EXISTS"
        + " (SELECT \"cities\".\"id\" FROM \"cities\" WHERE \"cities\".\"country_id\" = \"countries\".\"id\")");
    assertThat(q.get("scalarSubquery").sql()).isEqualTo("SELECT \"name\", (SELECT COUNT(*) FROM \"cities\""
        + " WHERE \"cities\".\"country_id\" = \"countries\".\"id\") FROM \"countries\"");
    assertThat(q.get("forUpdate").sql()).isEqualTo(COLS + " WHERE \"id\" = ? FOR UPDATE");
    assertThat(q).hasSize(12);
  }

  @Test
  void rejectsWhatOracleCannotDo() {
    List<Column<?>> cols = List.of(COUNTRIES.name);
    InsertQuery returning = new InsertQuery(COUNTRIES, cols,
        List.of(List.of(new Param<>("Peru", COUNTRIES.name.dataType()))), List.of(COUNTRIES.id));
    assertThatThrownBy(() -> dialect.render(returning)).isInstanceOf(UnsupportedByDialectException.class)
        .hasMessageContaining("RETURNING");
    assertThatThrownBy(() -> db.selectFrom(CITIES).forShare().toSql(dialect))
        .isInstanceOf(UnsupportedByDialectException.class);
    assertThatThrownBy(() -> db.selectFrom(CITIES).limit(1).forUpdate().toSql(dialect))
        .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("ORA-02014");
    assertThat(db.selectFrom(CITIES).forUpdateSkipLocked().toSql(dialect).sql()).endsWith(" FOR UPDATE SKIP LOCKED");
  }

  @Test
  void rendersTheSeedsDdl() {
    String guard = ";\nEXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-955, -1408) THEN RAISE; END IF; END;";
    assertThat(dialect.createTable(CITIES)).containsExactly(
        "BEGIN EXECUTE IMMEDIATE 'CREATE TABLE \"cities\" (\n"
            + "  \"id\" NUMBER(10) GENERATED BY DEFAULT ON NULL AS IDENTITY PRIMARY KEY,\n"
            + "  \"name\" VARCHAR2(256),\n  \"country_id\" NUMBER(10),\n"
            + "  \"popularity\" VARCHAR2(255) CHECK (\"popularity\" IN (''unknown'', ''known'', ''popular'')),\n"
            + "  CONSTRAINT \"cities_country_id_fkey\" FOREIGN KEY (\"country_id\") REFERENCES \"countries\""
            + " (\"id\")\n)'" + guard);
    assertThat(dialect.createTableStatements(KITCHENS)).containsExactly(
        "CREATE TABLE \"kitchens\" (\n  \"id\" NUMBER(19) GENERATED BY DEFAULT ON NULL AS IDENTITY PRIMARY KEY,\n"
            + "  \"small\" NUMBER(5),\n  \"medium\" NUMBER(10),\n  \"big\" NUMBER(19),\n"
            + "  \"flag\" NUMBER(1) CHECK (\"flag\" IN (0, 1)),\n  \"code\" CHAR(3),\n  \"body\" CLOB,\n"
            + "  \"amount\" NUMBER(12, 2),\n  \"ratio\" BINARY_FLOAT,\n  \"score\" BINARY_DOUBLE,\n"
            + "  \"day\" DATE,\n  \"clock\" TIMESTAMP,\n  \"stamp\" TIMESTAMP,\n"
            + "  \"stamp_tz\" TIMESTAMP WITH TIME ZONE,\n  \"uid\" RAW(16),\n  \"doc\" CLOB,\n"
            + "  \"payload\" BLOB,\n"
            + "  \"popularity\" VARCHAR2(255) CHECK (\"popularity\" IN ('unknown', 'known', 'popular')),\n"
            + "  \"price\" NUMBER(19)\n)");
    assertThat(dialect.createTableStatements(MEMBERSHIPS)).containsExactly(
        "CREATE TABLE \"memberships\" (\n  \"user_id\" NUMBER(10) NOT NULL,\n  \"group_id\" NUMBER(10) NOT NULL,\n"
            + "  PRIMARY KEY (\"user_id\", \"group_id\"),\n  CONSTRAINT \"memberships_user_id_fkey\" FOREIGN KEY"
            + " (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE,\n"
            + "  CONSTRAINT \"memberships_group_id_fkey\" FOREIGN KEY (\"group_id\") REFERENCES \"chat_groups\""
            + " (\"id\") ON DELETE CASCADE\n)");
    assertThat(dialect.createTableStatements(USERS)).last()
        .isEqualTo("CREATE INDEX \"users_full_name_index\" ON \"users\" (\"full_name\")");
    assertThat(dialect.dropTable(CITIES)).containsExactly("BEGIN EXECUTE IMMEDIATE 'DROP TABLE \"cities\""
        + " CASCADE CONSTRAINTS';\nEXCEPTION WHEN OTHERS THEN IF SQLCODE != -942 THEN RAISE; END IF; END;");
  }

  /** A table whose NOT NULL columns have defaults: Oracle wants DEFAULT first. */
  public static final class Defaults extends Table<Flag> {
    public final Column<Integer> id = integer("id").primaryKey();
    public final Column<Boolean> on = bool("on").notNull().defaultSql("1");
    public final Column<String> tag = varchar("tag", 10).notNull().defaultValue("it's");
    public Defaults() { super("defaults"); }
  }

  public record Flag(Integer id, Boolean on, String tag) {}

  @Test
  void writesDefaultBeforeNotNull() {
    assertThat(dialect.createTableStatements(new Defaults())).containsExactly("CREATE TABLE \"defaults\" (\n"
        + "  \"id\" NUMBER(10) PRIMARY KEY,\n  \"on\" NUMBER(1) DEFAULT 1 NOT NULL CHECK (\"on\" IN (0, 1)),\n"
        + "  \"tag\" VARCHAR2(10) DEFAULT 'it''s' NOT NULL\n)");
  }

  private static final RenderedSql FAILED = new RenderedSql("INSERT INTO \"users\" (\"email\") VALUES (?)",
      List.of(new Bind("same@x.io", String.class)));

  private SluiceException translate(int ora, String message) {
    return dialect.translate(new R2dbcDataIntegrityViolationException(message, "23000", ora), FAILED, false);
  }

  @Test
  void classifiesErrorsByOraNumber() {
    assertThat(translate(1, "ORA-00001: unique constraint (APP.SYS_C008123) violated"))
        .isInstanceOf(UniqueViolationException.class).hasMessageContaining("(constraint SYS_C008123)")
        .hasMessageNotContaining("same@x.io");
    assertThat(translate(2291, "ORA-02291: integrity constraint (APP.cities_country_id_fkey) violated -"
        + " parent key not found")).isInstanceOf(ForeignKeyViolationException.class)
        .hasMessageContaining("constraint cities_country_id_fkey");
    assertThat(translate(2292, "ORA-02292: integrity constraint (APP.fk) violated - child record found"))
        .isInstanceOf(ForeignKeyViolationException.class);
    assertThat(translate(1400, "ORA-01400: cannot insert NULL into (\"APP\".\"users\".\"full_name\")"))
        .isInstanceOf(NotNullViolationException.class).hasMessageContaining("on table users, column full_name");
    assertThat(translate(2290, "ORA-02290: check constraint (APP.SYS_C008124) violated"))
        .isInstanceOf(CheckViolationException.class);
    assertThat(dialect.translate(new R2dbcRollbackException("ORA-08177: can't serialize access for this"
        + " transaction", "72000", 8177), FAILED, false)).isInstanceOf(SerializationFailureException.class);
    assertThat(dialect.translate(new R2dbcTransientResourceException("ORA-00060: deadlock detected while"
        + " waiting for resource", "61000", 60), FAILED, false)).isInstanceOf(DeadlockException.class);
    assertThat(translate(12899, "ORA-12899: value too large for column")).isExactlyInstanceOf(SluiceException.class);
  }

  @Test
  void isFoundByServiceLoaderFromDriverMetadata() {
    assertThat(Dialects.named("oracle")).isInstanceOf(OracleDialect.class);
    assertThat(Dialects.detect(() -> "Oracle Database")).isInstanceOf(OracleDialect.class);
  }

  @Test
  void rendersUpsertsAsMergeFromDual() {
    Map<String, RenderedSql> w = QueryCatalogue.renderWrites(new OracleDialect());
    assertThat(w.get("upsertNothing").sql()).isEqualTo("MERGE INTO \"countries\" USING (SELECT ? \"name\" "
        + "FROM DUAL) \"excluded\" ON (\"countries\".\"name\" = \"excluded\".\"name\") WHEN NOT MATCHED THEN "
        + "INSERT (\"name\") VALUES (\"excluded\".\"name\")");
    assertThat(w.get("upsertNothing").values()).containsExactly("Peru");
    assertThat(w.get("upsertUpdate").sql()).contains("WHEN MATCHED THEN UPDATE SET \"users\".\"full_name\" = "
        + "\"excluded\".\"full_name\"").doesNotContain(" AS ").doesNotContain("VALUES (?");
  }
}
