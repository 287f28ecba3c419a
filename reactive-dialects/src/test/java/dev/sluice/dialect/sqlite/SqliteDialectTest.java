package dev.sluice.dialect.sqlite;

import dev.sluice.LockNotAvailableException;
import dev.sluice.BadSqlException;
import dev.sluice.QueryCancelledException;
import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.SluiceException;
import dev.sluice.CheckViolationException;
import dev.sluice.ForeignKeyViolationException;
import dev.sluice.NotNullViolationException;
import dev.sluice.SerializationFailureException;
import dev.sluice.UniqueViolationException;
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
    assertThat(SqliteDialect.globPattern("%a_\\_\\\\b\\")).isEqualTo("*a?_\\b\\");
  }

  @Test
  void aDecimalIsReadBackWithItsScale() {
    RenderedSql r = db.select(Schema.KITCHENS.amount, Schema.KITCHENS.id).from(Schema.KITCHENS)
        .where(gt(Schema.KITCHENS.amount, new java.math.BigDecimal("1.50"))).toSql(dialect);
    assertThat(r.sql()).isEqualTo("SELECT CASE WHEN \"amount\" IS NOT NULL THEN printf('%.2f', \"amount\")"
        + " END, \"id\" FROM \"kitchens\" WHERE \"amount\" > ?");
    assertThat(r.values()).containsExactly(new java.math.BigDecimal("1.50"));
  }

  @Test
  void rendersTheSeedsDdl() {
    assertThat(dialect.createTable(Schema.CITIES)).containsExactly(
        "CREATE TABLE IF NOT EXISTS \"cities\" (\n  \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            + "  \"name\" TEXT,\n  \"country_id\" INTEGER,\n"
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
            + "  \"code\" TEXT,\n"
            + "  \"body\" TEXT,\n"
            + "  \"amount\" NUMERIC(12, 2),\n"
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

    assertThat(SqliteDialect.constraintInfo("UNIQUE", "memberships.user_id, memberships.group_id"))
        .isEqualTo(new ConstraintInfo("memberships", null, null));
    assertThat(SqliteDialect.constraintInfo("CHECK", "chat_groups_name_check"))
        .isEqualTo(new ConstraintInfo(null, null, "chat_groups_name_check"));
    assertThat(SqliteDialect.constraintInfo("CHECK", "length(name) > 0")).isEqualTo(ConstraintInfo.NONE);
    assertThat(SqliteDialect.constraintInfo("UNIQUE", "index 'lower_email'"))
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
