package dev.sluice.dialect.mysql;

import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.QueryTimeoutException;
import dev.sluice.error.QueryCancelledException;
import dev.sluice.error.PermissionDeniedException;
import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.CheckViolationException;
import dev.sluice.error.DataException;
import dev.sluice.error.DeadlockException;
import dev.sluice.Database;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.NotNullViolationException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.error.ValueTooLongException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.QueryCatalogue;
import dev.sluice.testing.Schema;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcRollbackException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared catalogue, rendered by the MySQL dialect: exact SQL and binds; its DDL and errors. */
class MySqlDialectTest {
  private final MySqlDialect dialect = new MySqlDialect();
  private final Database db = Database.builder().dialect(dialect).build();

  @Test
  void offsetsNullsOrderingLocksAndCasts() {
    RenderedSql r = db.select(Schema.CITIES.id).from(Schema.CITIES).offset(5).toSql(dialect);
    assertThat(r.sql()).isEqualTo("SELECT `id` FROM `cities` LIMIT 18446744073709551615 OFFSET ?");
    assertThat(r.values()).containsExactly(5L);
    assertThat(db.selectFrom(Schema.CITIES).orderBy(asc(Schema.CITIES.name).nullsFirst()).toSql(dialect).sql())
        .endsWith(" ORDER BY ISNULL(`name`) DESC, `name`");
    assertThat(db.selectFrom(Schema.CITIES).where(eq(Schema.CITIES.id, 1)).forShare().toSql(dialect).sql())
        .endsWith(" FOR SHARE");
    assertThat(db.select(cast(Schema.CITIES.id, Schema.CITIES.name.dataType())).from(Schema.CITIES)
        .toSql(dialect).sql()).isEqualTo("SELECT CAST(`id` AS CHAR) FROM `cities`");
    assertThat(dialect.quote("we`ird")).isEqualTo("`we``ird`");
  }

  @Test
  void bindsUuidsAsTextAndTimestamptzAsUtc() {
    UUID u = UUID.fromString("3f1c1a76-8d0e-4a55-9f1e-6a7a1b2c3d4e");
    RenderedSql r = db.selectFrom(Schema.KITCHENS).where(and(eq(Schema.KITCHENS.uid, u),
        eq(Schema.KITCHENS.stampTz, OffsetDateTime.of(2026, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2)))))
        .toSql(dialect);
    assertThat(r.values()).containsExactly(u.toString(), LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    assertThat(r.binds().get(1).type()).isEqualTo(LocalDateTime.class);
  }

  @Test
  void updateAndDeleteReturningAreUnsupported() {
    assertThatThrownBy(() -> dialect.render(new dev.sluice.sql.DeleteQuery(Schema.USERS, null,
        List.of(Schema.USERS.id)))).isInstanceOf(UnsupportedByDialectException.class);
  }

  @Test
  void rendersTheSeedsDdl() {
    assertThat(dialect.createTable(Schema.CITIES)).containsExactly(
        "CREATE TABLE IF NOT EXISTS `cities` (\n  `id` INT AUTO_INCREMENT PRIMARY KEY,\n"
            + "  `name` VARCHAR(256),\n  `country_id` INT,\n"
            + "  `popularity` ENUM('unknown', 'known', 'popular'),\n"
            + "  CONSTRAINT `cities_country_id_fkey` FOREIGN KEY"
            + " (`country_id`) REFERENCES `countries` (`id`)\n)");
    assertThat(dialect.createTable(Schema.KITCHENS)).containsExactly(
        "CREATE TABLE IF NOT EXISTS `kitchens` (\n"
            + "  `id` BIGINT AUTO_INCREMENT PRIMARY KEY,\n"
            + "  `small` SMALLINT,\n"
            + "  `medium` INT,\n"
            + "  `big` BIGINT,\n"
            + "  `flag` BOOLEAN,\n"
            + "  `code` CHAR(3),\n"
            + "  `body` LONGTEXT,\n"
            + "  `amount` DECIMAL(12, 2),\n"
            + "  `ratio` DOUBLE,\n"
            + "  `score` DOUBLE,\n"
            + "  `day` DATE,\n"
            + "  `clock` TIME(6),\n"
            + "  `stamp` DATETIME(6),\n"
            + "  `stamp_tz` DATETIME(6),\n"
            + "  `uid` CHAR(36),\n"
            + "  `doc` JSON,\n"
            + "  `payload` LONGBLOB,\n"
            + "  `popularity` ENUM('unknown', 'known', 'popular'),\n"
            + "  `price` BIGINT\n)");
    assertThat(dialect.createTable(Schema.USERS)).containsExactly(
        "CREATE TABLE IF NOT EXISTS `users` (\n  `id` INT AUTO_INCREMENT PRIMARY KEY,\n"
            + "  `full_name` VARCHAR(256) NOT NULL,\n  `phone` VARCHAR(20),\n"
            + "  `email` VARCHAR(256) UNIQUE,\n  `created_at` DATETIME(6) DEFAULT (UTC_TIMESTAMP(6)),\n"
            + "  INDEX `users_full_name_index` (`full_name`)\n)");
    assertThat(dialect.createTable(Schema.MEMBERSHIPS).get(0))
        .contains("`user_id` INT NOT NULL,").contains("PRIMARY KEY (`user_id`, `group_id`)")
        .contains("REFERENCES `users` (`id`) ON DELETE CASCADE");
    assertThat(dialect.dropTable(Schema.CITIES)).containsExactly("DROP TABLE IF EXISTS `cities`");
  }

  private static io.r2dbc.spi.R2dbcException mysql(int code, String message) {
    return code == 1213 ? new R2dbcRollbackException(message, "40001", code)
        : new R2dbcDataIntegrityViolationException(message, "23000", code);
  }

  @Test
  void classifiesByErrorNumberAndNamesTablesAndColumns() {
    RenderedSql insert = new RenderedSql("INSERT INTO `users` (`full_name`, `email`) VALUES (?, ?)", List.of());
    SluiceException dup = dialect.translate(mysql(1062,
        "Duplicate entry 'same@x.io' for key 'users.email'"), insert, false);
    assertThat(dup).isInstanceOf(UniqueViolationException.class).hasMessageNotContaining("same@x.io")
        .hasMessageContaining("users").hasMessageContaining("email");
    assertThat(((UniqueViolationException) dup).constraint()).isEqualTo("email");
    assertThat(dialect.translate(mysql(1062, "Duplicate entry 'same@x.io' for key 'email'"), insert, true))
        .hasMessageContaining("same@x.io").hasMessageContaining("on table users");
    SluiceException nn = dialect.translate(mysql(1048, "Column 'full_name' cannot be null"), insert, false);
    assertThat(nn).isInstanceOf(NotNullViolationException.class);
    assertThat(((NotNullViolationException) nn).table()).isEqualTo("users");
    assertThat(((NotNullViolationException) nn).column()).isEqualTo("full_name");
    assertThat(dialect.translate(mysql(1364, "Field 'full_name' doesn't have a default value"), insert, false))
        .isInstanceOf(NotNullViolationException.class).hasMessageContaining("full_name");
    SluiceException fk = dialect.translate(mysql(1452, "Cannot add or update a child row: a foreign key "
        + "constraint fails (`test`.`cities`, CONSTRAINT `cities_country_id_fkey` FOREIGN KEY (`country_id`) "
        + "REFERENCES `countries` (`id`))"), insert, false);
    assertThat(fk).isInstanceOf(ForeignKeyViolationException.class);
    assertThat(((ForeignKeyViolationException) fk).table()).isEqualTo("cities");
    assertThat(((ForeignKeyViolationException) fk).column()).isEqualTo("country_id");
    assertThat(((ForeignKeyViolationException) fk).constraint()).isEqualTo("cities_country_id_fkey");
    assertThat(dialect.translate(mysql(1451, "Cannot delete or update a parent row: a foreign key "
        + "constraint fails (`test`.`cities`, CONSTRAINT `c` FOREIGN KEY (`country_id`) REFERENCES `countries` (`id`))"),
        insert, false)).isInstanceOf(ForeignKeyViolationException.class);
    SluiceException check = dialect.translate(mysql(3819, "Check constraint 'chat_groups_chk_1' is violated."),
        insert, false);
    assertThat(check).isInstanceOf(CheckViolationException.class);
    assertThat(((CheckViolationException) check).constraint()).isEqualTo("chat_groups_chk_1");
    SluiceException maria = dialect.translate(mysql(4025,
        "CONSTRAINT `chat_groups.name` failed for `test`.`chat_groups`"), insert, false);
    assertThat(maria).isInstanceOf(CheckViolationException.class);
    assertThat(((CheckViolationException) maria).table()).isEqualTo("chat_groups");
    assertThat(((CheckViolationException) maria).column()).isEqualTo("name");
    assertThat(dialect.translate(mysql(1213, "Deadlock found when trying to get lock"), insert, false))
        .isInstanceOf(DeadlockException.class);
    assertThat(dialect.translate(mysql(1205, "Lock wait timeout exceeded"), insert, false))
        .isInstanceOf(LockNotAvailableException.class);
    assertThat(dialect.translate(mysql(3572, "Statement aborted because lock(s) could not be acquired immediately"
        + " and NOWAIT is set."), insert, false)).isInstanceOf(LockNotAvailableException.class);
    assertThat(dialect.translate(mysql(1969, "Query execution was interrupted (max_statement_time exceeded)"),
        insert, false)).isInstanceOf(QueryTimeoutException.class);
    assertThat(dialect.translate(mysql(3024, "Query execution was interrupted, maximum statement execution time"
        + " exceeded"), insert, false)).isInstanceOf(QueryTimeoutException.class);
    assertThat(dialect.translate(mysql(1317, "Query execution was interrupted"), insert, false))
        .isExactlyInstanceOf(QueryCancelledException.class);
    assertThat(dialect.translate(mysql(1142, "INSERT command denied to user"), insert, false))
        .isInstanceOf(PermissionDeniedException.class);
    // r2dbc-mysql reports these without a SQLSTATE: classified by number, the column from the message
    SluiceException tooLong = dialect.translate(new io.r2dbc.spi.R2dbcNonTransientResourceException(
        "Data too long for column 'phone' at row 1", null, 1406), insert, false);
    assertThat(tooLong).isInstanceOf(ValueTooLongException.class);
    assertThat(((DataException) tooLong).table()).isEqualTo("users");
    assertThat(((DataException) tooLong).column()).isEqualTo("phone");
    SluiceException refused = dialect.translate(new io.r2dbc.spi.R2dbcNonTransientResourceException(
        "Incorrect integer value: 'not a number' for column `db`.`users`.`id` at row 1", null, 1366),
        insert, false);
    assertThat(refused).isExactlyInstanceOf(DataException.class).hasMessageNotContaining("not a number");
    assertThat(((DataException) refused).table()).isEqualTo("users");
    assertThat(((DataException) refused).column()).isEqualTo("id");
  }

  @Test
  void isFoundByServiceLoaderFromDriverMetadata() {
    assertThat(Dialects.named("mysql")).isInstanceOf(MySqlDialect.class);
    assertThat(Dialects.detect(() -> "MySQL")).isInstanceOf(MySqlDialect.class);
    assertThat(dialect.capabilities().returning()).isFalse();
    assertThat(dialect.capabilities().nativeEnums()).isTrue();
  }
}
