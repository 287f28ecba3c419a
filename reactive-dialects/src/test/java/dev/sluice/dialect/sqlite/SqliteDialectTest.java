package dev.sluice.dialect.sqlite;

import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.BadSqlException;
import dev.sluice.error.QueryCancelledException;
import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.error.SluiceException;
import dev.sluice.error.CheckViolationException;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.NotNullViolationException;
import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.error.ValueTooLongException;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.QueryCatalogue;
import dev.sluice.testing.Schema;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared catalogue, rendered by the SQLite dialect: exact SQL and binds; its DDL and errors. */
class SqliteDialectTest {
  private final SqliteDialect dialect = new SqliteDialect();
  private final Database db = Database.builder().dialect(dialect).build();

  @Test
  void anOffsetWithoutLimitGetsLimitMinusOne() {
    RenderedSql r = db.select(Schema.CITIES.id).from(Schema.CITIES).offset(5).toSql(dialect);
    assertThat(r.sql()).isEqualTo("SELECT \"id\" FROM \"cities\" LIMIT -1 OFFSET ?");
    assertThat(r.values()).containsExactly(5L);
  }

  @Test
  void likeIsACaseSensitiveGlobWithATranslatedBoundPattern() {
    RenderedSql r = db.selectFrom(Schema.CITIES).where(notLike(Schema.CITIES.name, "50\\%_off*[x]?"))
        .toSql(dialect);
    assertThat(r.sql()).endsWith(" WHERE \"name\" NOT GLOB ?");
    assertThat(r.values()).containsExactly("50%?off[*][[]x][?]");
    assertThat(SqliteExpressions.globPattern("%a_\\_\\\\b\\")).isEqualTo("*a?_\\b\\");
  }

  @Test
  void aDecimalIsBoundWithItsScaleAndANumberReadBackWithIt() {
    RenderedSql r = db.select(Schema.KITCHENS.amount, Schema.KITCHENS.id).from(Schema.KITCHENS)
        .where(gt(Schema.KITCHENS.amount, new java.math.BigDecimal("1.5"))).toSql(dialect);
    assertThat(r.sql()).isEqualTo("SELECT CASE WHEN typeof(\"amount\") IN ('integer', 'real')"
        + " THEN printf('%.2f', \"amount\") ELSE \"amount\" END, \"id\" FROM \"kitchens\" WHERE \"amount\" > ?");
    assertThat(r.values()).containsExactly(new java.math.BigDecimal("1.50"));
  }

  @Test
  void refusesWhatSqliteWouldKeepChanged() {
    assertThat(dialect.refusal(Double.NaN)).contains("NULL");
    assertThat(dialect.refusal(-0.0f)).contains("0.0");
    assertThat(dialect.refusal(0.0)).isNull();
    assertThat(dialect.refusal(Double.POSITIVE_INFINITY)).isNull();
    assertThat(dialect.refusal(java.time.LocalDate.of(10000, 1, 1))).contains("10000");
    assertThat(dialect.refusal(java.time.LocalDate.of(1, 1, 1))).isNull();
    assertThat(dialect.refusal(java.time.OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.ofHours(1))))
        .as("year 0 in UTC is fine").isNull();
  }

  @Test
  void rendersTheSeedsDdl() {
    assertThat(dialect.createTable(Schema.CITIES)).containsExactly(
        "CREATE TABLE IF NOT EXISTS \"cities\" (\n  \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            + "  \"name\" TEXT CONSTRAINT \"cities.name: at most 256 characters\" CHECK (length(\"name\") <= 256),\n"
            + "  \"country_id\" INTEGER,\n"
            + "  \"popularity\" TEXT CHECK (\"popularity\" IN ('unknown', 'known', 'popular')),\n"
            + "  CONSTRAINT \"cities_country_id_fkey\" FOREIGN KEY"
            + " (\"country_id\") REFERENCES \"countries\" (\"id\")\n)");
    assertThat(dialect.createTable(Schema.KITCHENS)).containsExactly(
        "CREATE TABLE IF NOT EXISTS \"kitchens\" (\n"
            + "  \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            + "  \"small\" INTEGER,\n"
            + "  \"medium\" INTEGER,\n"
            + "  \"big\" BIGINT,\n"
            + "  \"flag\" INTEGER,\n"
            + "  \"code\" TEXT CONSTRAINT \"kitchens.code: at most 3 characters\" CHECK (length(\"code\") <= 3),\n"
            + "  \"body\" TEXT,\n"
            + "  \"amount\" DECIMAL_TEXT(12, 2) COLLATE DECIMAL CONSTRAINT \"kitchens.amount: at most 10 digits"
            + " before the point\" CHECK (typeof(\"amount\") <> 'text' OR length(ltrim(substr(\"amount\", 1,"
            + " instr(\"amount\" || '.', '.') - 1), '-+0')) <= 10),\n"
            + "  \"ratio\" REAL,\n"
            + "  \"score\" REAL,\n"
            + "  \"day\" TEXT,\n"
            + "  \"clock\" TEXT,\n"
            + "  \"stamp\" TEXT,\n"
            + "  \"stamp_tz\" TEXT,\n"
            + "  \"uid\" TEXT,\n"
            + "  \"doc\" TEXT,\n"
            + "  \"payload\" BLOB,\n"
            + "  \"popularity\" TEXT CHECK (\"popularity\" IN ('unknown', 'known', 'popular')),\n"
            + "  \"price\" BIGINT\n)");
    assertThat(dialect.createTable(Schema.MEMBERSHIPS).get(0))
        .contains("\"user_id\" INTEGER NOT NULL,").contains("PRIMARY KEY (\"user_id\", \"group_id\")");
    assertThat(dialect.createTable(Schema.USERS)).last()
        .isEqualTo("CREATE INDEX IF NOT EXISTS \"users_full_name_index\" ON \"users\" (\"full_name\")");
    assertThat(dialect.dropTable(Schema.CITIES)).containsExactly("DROP TABLE IF EXISTS \"cities\"");
  }

  private static io.r2dbc.spi.R2dbcException sqlite(String state, String message) {
    return state.startsWith("SQLITE_BUSY")
        ? new R2dbcTransientResourceException(message, state, 5)
        : new R2dbcDataIntegrityViolationException(message, state, 19);
  }

  @Test
  void classifiesSqliteErrorsAndReadsTheirMessage() {
    RenderedSql insert = new RenderedSql("INSERT INTO \"users\" (\"full_name\") VALUES (?)", List.of());
    SluiceException notNull = dialect.translate(sqlite("SQLITE_CONSTRAINT_NOTNULL",
        "[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed (NOT NULL constraint failed: users.full_name)"),
        insert, false);
    assertThat(notNull).isInstanceOf(NotNullViolationException.class).hasMessageContaining("full_name");
    assertThat(((NotNullViolationException) notNull).table()).isEqualTo("users");
    assertThat(((NotNullViolationException) notNull).column()).isEqualTo("full_name");
    assertThat(dialect.translate(sqlite("SQLITE_CONSTRAINT_UNIQUE",
        "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: users.email)"),
        insert, false)).isInstanceOf(UniqueViolationException.class).hasMessageContaining("users")
        .hasMessageContaining("email");
    assertThat(dialect.translate(sqlite("SQLITE_CONSTRAINT_PRIMARYKEY", "UNIQUE constraint failed: t.id"),
        insert, false)).isInstanceOf(UniqueViolationException.class);
    assertThat(dialect.translate(sqlite("SQLITE_CONSTRAINT_FOREIGNKEY", "FOREIGN KEY constraint failed"),
        insert, false)).isInstanceOf(ForeignKeyViolationException.class);
    assertThat(dialect.translate(sqlite("SQLITE_CONSTRAINT_CHECK", "CHECK constraint failed: length(name) > 0"),
        insert, false)).isInstanceOf(CheckViolationException.class);
    SluiceException tooLong = dialect.translate(sqlite("SQLITE_CONSTRAINT_CHECK", "[SQLITE_CONSTRAINT_CHECK] A CHECK"
        + " constraint failed (CHECK constraint failed: users.phone: at most 20 characters)"), insert, false);
    assertThat(tooLong).isInstanceOf(ValueTooLongException.class).hasMessageContaining("phone");
    assertThat(((ValueTooLongException) tooLong).table()).isEqualTo("users");
    assertThat(((ValueTooLongException) tooLong).column()).isEqualTo("phone");
    SluiceException tooBig = dialect.translate(sqlite("SQLITE_CONSTRAINT_CHECK", "[SQLITE_CONSTRAINT_CHECK] A CHECK"
        + " constraint failed (CHECK constraint failed: kitchens.amount: at most 10 digits before the point)"), insert, false);
    assertThat(tooBig.getClass()).isEqualTo(dev.sluice.error.DataException.class);
    assertThat(((dev.sluice.error.DataException) tooBig).column()).isEqualTo("amount");
    assertThat(dialect.translate(sqlite("SQLITE_BUSY", "database is locked"), insert, false))
        .isInstanceOf(LockNotAvailableException.class);
    assertThat(dialect.translate(sqlite("SQLITE_CONSTRAINT_TRIGGER", "FOREIGN KEY constraint failed"), insert, false))
        .isInstanceOf(ForeignKeyViolationException.class);
    assertThat(dialect.translate(sqlite("SQLITE_INTERRUPT", "interrupted"), insert, false))
        .isInstanceOf(QueryCancelledException.class);
    assertThat(dialect.translate(sqlite("SQLITE_ERROR", "near \"SELEKT\": syntax error"), insert, false))
        .isInstanceOf(BadSqlException.class);
    assertThat(dialect.translate(sqlite("SQLITE_BUSY_SNAPSHOT", "snapshot"), insert, false))
        .isInstanceOf(SerializationFailureException.class);

    assertThat(SqliteClassifier.constraintInfo("UNIQUE", "memberships.user_id, memberships.group_id"))
        .isEqualTo(new ConstraintInfo("memberships", null, null));
    assertThat(SqliteClassifier.constraintInfo("CHECK", "chat_groups_name_check"))
        .isEqualTo(new ConstraintInfo(null, null, "chat_groups_name_check"));
    assertThat(SqliteClassifier.constraintInfo("CHECK", "length(name) > 0")).isEqualTo(ConstraintInfo.NONE);
    assertThat(SqliteClassifier.constraintInfo("UNIQUE", "index 'lower_email'"))
        .isEqualTo(new ConstraintInfo(null, null, "lower_email"));
  }

  @Test
  void isFoundByServiceLoaderFromDriverMetadata() {
    assertThat(Dialects.named("sqlite")).isInstanceOf(SqliteDialect.class);
    assertThat(Dialects.detect(() -> "SQLite")).isInstanceOf(SqliteDialect.class);
    assertThat(dialect.capabilities().maxBindParameters()).isEqualTo(32766);
    assertThat(dialect.capabilities().nativeEnums()).isFalse();
  }
}
