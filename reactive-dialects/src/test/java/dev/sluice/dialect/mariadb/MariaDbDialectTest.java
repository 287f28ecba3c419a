package dev.sluice.dialect.mariadb;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.UnsupportedByDialectException;
import dev.sluice.dialect.mysql.MySqlDialect;
import dev.sluice.spi.Dialects;
import dev.sluice.sql.RenderedSql;
import dev.sluice.testing.QueryCatalogue;
import dev.sluice.testing.Schema;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared catalogue, rendered by the MariaDB dialect: MySQL's SQL plus RETURNING, UUID, locks. */
class MariaDbDialectTest {
  private final MariaDbDialect dialect = new MariaDbDialect();
  private final Map<String, RenderedSql> sql = QueryCatalogue.render(dialect);
  private final Database db = Database.builder().dialect(dialect).build();

  private void expect(String name, String text, Object... binds) {
    assertThat(sql.get(name).sql()).as(name).isEqualTo(text);
    assertThat(sql.get(name).values()).as(name + " binds").isEqualTo(Arrays.asList(binds));
  }

  @Test
  void rendersTheCatalogueAsMySqlDoes() {
    Map<String, RenderedSql> mysql = QueryCatalogue.render(new MySqlDialect());
    assertThat(sql.keySet()).containsExactlyElementsOf(mysql.keySet());
    sql.forEach((name, r) -> {
      assertThat(r.sql()).as(name).isEqualTo(mysql.get(name).sql());
      assertThat(r.values()).as(name).isEqualTo(mysql.get(name).values());
    });
    String cols = "SELECT `id`, `name`, `country_id`, `popularity` FROM `cities`";
    expect("andOr", cols + " WHERE `country_id` = ? AND (`name` = ? OR `popularity` IS NULL)"
        + " ORDER BY `name` LIMIT ? OFFSET ?", 1, "Dan", 10L, 20L);
    expect("insertOne", "INSERT INTO `users` (`full_name`, `phone`, `email`, `created_at`)"
        + " VALUES (?, ?, ?, ?)", "Andrew", "555", "a@x", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    expect("projection", "SELECT DISTINCT `id`, `name` FROM `cities` ORDER BY ISNULL(`name`), `name` DESC, `id`");
    assertThat(sql).hasSize(14);
  }

  @Test
  void rendersTheQueryLanguageCatalogue() {
    Map<String, RenderedSql> q = QueryCatalogue.renderQueryLanguage(dialect);
    assertThat(q.get("functions").sql()).isEqualTo("SELECT LOWER(`name`), COALESCE(`name`, ?), "
        + "CHAR_LENGTH(`name`), (`id` + ?), CONCAT(`name`, ?) FROM `cities`");
    assertThat(q.get("manyToMany").sql()).contains("FROM `memberships` LEFT JOIN `users` ON "
        + "`memberships`.`user_id` = `users`.`id` LEFT JOIN `chat_groups` ON "
        + "`memberships`.`group_id` = `chat_groups`.`id` WHERE `chat_groups`.`id` = ?");
    assertThat(q.get("forUpdate").sql()).endsWith("WHERE `id` = ? FOR UPDATE");
    assertThat(q).hasSize(12);
  }

  @Test
  void insertAndDeleteReturnButUpdateDoesNot() {
    RenderedSql ins = db.insertInto(Schema.COUNTRIES).values(new dev.sluice.testing.Country(null, "Peru"))
        .toSql(dialect);
    assertThat(ins.sql()).isEqualTo("INSERT INTO `countries` (`name`) VALUES (?)");
    assertThat(dialect.render(new dev.sluice.sql.InsertQuery(Schema.COUNTRIES, List.of(Schema.COUNTRIES.name),
        List.of(List.of(new dev.sluice.sql.Param<>("Peru", Schema.COUNTRIES.name.dataType()))),
        List.of(Schema.COUNTRIES.id, Schema.COUNTRIES.name))).sql())
        .isEqualTo("INSERT INTO `countries` (`name`) VALUES (?) RETURNING `id`, `name`");
    assertThat(dialect.render(new dev.sluice.sql.DeleteQuery(Schema.COUNTRIES, null,
        List.of(Schema.COUNTRIES.id))).sql()).isEqualTo("DELETE FROM `countries` RETURNING `id`");
    assertThatThrownBy(() -> dialect.render(new dev.sluice.sql.UpdateQuery(Schema.COUNTRIES,
        List.of(new dev.sluice.sql.Assignment<>(Schema.COUNTRIES.name,
            new dev.sluice.sql.Param<>("x", Schema.COUNTRIES.name.dataType()))), null,
        List.of(Schema.COUNTRIES.id)))).isInstanceOf(UnsupportedByDialectException.class)
        .hasMessageContaining("UPDATE ... RETURNING");
  }

  @Test
  void sharesLocksInShareModeAndHasANativeUuid() {
    assertThat(db.selectFrom(Schema.CITIES).where(eq(Schema.CITIES.id, 1)).forShare().toSql(dialect).sql())
        .endsWith("WHERE `id` = ? LOCK IN SHARE MODE");
    assertThat(dialect.createTable(Schema.KITCHENS).get(0)).contains("  `uid` UUID,\n")
        .contains("  `stamp_tz` DATETIME(6),\n").contains("`popularity` ENUM('unknown', 'known', 'popular')");
    assertThat(dialect.createTable(Schema.CHAT_GROUPS)).containsExactly(
        "CREATE TABLE IF NOT EXISTS `chat_groups` (\n  `id` INT AUTO_INCREMENT PRIMARY KEY,\n"
            + "  `name` VARCHAR(256) NOT NULL CHECK (length(name) > 0)\n)");
  }

  @Test
  void isFoundByServiceLoaderFromDriverMetadata() {
    assertThat(Dialects.named("mariadb")).isInstanceOf(MariaDbDialect.class);
    assertThat(Dialects.detect(() -> "MariaDB")).isInstanceOf(MariaDbDialect.class);
    assertThat(Dialects.detect(() -> "MySQL")).isNotInstanceOf(MariaDbDialect.class);
    assertThat(dialect.capabilities().returning()).isTrue();
  }
}
