package dev.sluice.dialect.mariadb;

import static dev.sluice.query.Dsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.UnsupportedByDialectException;
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

  @Test
  void rendersTheCatalogueAsMySqlDoes() {
    Map<String, RenderedSql> mysql = QueryCatalogue.render(new MySqlDialect());
    assertThat(sql.keySet()).containsExactlyElementsOf(mysql.keySet());
    sql.forEach((name, r) -> {
      assertThat(r.sql()).as(name).isEqualTo(mysql.get(name).sql());
      assertThat(r.values()).as(name).isEqualTo(mysql.get(name).values());
    });
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
