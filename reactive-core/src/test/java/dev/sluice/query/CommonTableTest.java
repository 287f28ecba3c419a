package dev.sluice.query;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static dev.sluice.testing.Shapes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Shapes;
import org.junit.jupiter.api.Test;

/** Common and derived tables: shape checks, immutability and rendering details that need no database. */
class CommonTableTest {
  private final StandardDialect dialect = new StandardDialect();
  private final Database db = Database.builder().dialect(dialect).build();

  @Test
  void aQueryWithTheWrongNumberOfValuesIsRejectedNamingTheTable() {
    assertThatThrownBy(() -> db.with(TOTALS, db.select(CITIES.countryId).from(CITIES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Common table expression totals has 2 columns but its query selects 1 values");
    assertThatThrownBy(() -> derived(TOTALS, db.select(CITIES.countryId, count(), count()).from(CITIES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Derived table totals has 2 columns but its query selects 3 values");
  }

  @Test
  void aValueOfTheWrongTypeIsRejectedNamingTheColumn() {
    assertThatThrownBy(() -> db.with(TOTALS, db.select(CITIES.countryId, CITIES.name).from(CITIES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Common table expression totals: column cities is Long but value 2 of its query is String");
  }

  @Test
  void aCommonTableNameIsDefinedOnce() {
    CommonTables once = db.with(TOTALS, db.select(CITIES.countryId, count()).from(CITIES));
    assertThatThrownBy(() -> once.with(TOTALS, db.select(CITIES.countryId, count()).from(CITIES)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Common table totals is defined twice");
  }

  @Test
  void withLeavesTheDatabaseAndEarlierBuildersUnchanged() {
    CommonTables one = db.with(TOTALS, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId));
    one.with(TREE, db.select(CATEGORIES.id, CATEGORIES.parentId, CATEGORIES.name, sql(Integer.class, "0"))
        .from(CATEGORIES));
    assertThat(one.selectFrom(TOTALS).toSql(dialect).sql()).startsWith("WITH \"totals\" (")
        .doesNotContain("\"tree\"");
    assertThat(db.selectFrom(CITIES).toSql(dialect).sql()).startsWith("SELECT ");
  }

  @Test
  void recursiveAppliesToTheWholeClause() {
    String sql = db.with(TOTALS, db.select(CITIES.countryId, count()).from(CITIES).groupBy(CITIES.countryId))
        .withRecursive(TREE, db.select(CATEGORIES.id, CATEGORIES.parentId, CATEGORIES.name, sql(Integer.class, "0"))
            .from(CATEGORIES).unionAll(db.select(CATEGORIES.id, CATEGORIES.parentId, CATEGORIES.name,
                add(TREE.depth, 1)).from(CATEGORIES).join(TREE).on(eq(CATEGORIES.parentId, TREE.id))))
        .selectFrom(TREE).toSql(dialect).sql();
    assertThat(sql).startsWith("WITH RECURSIVE \"totals\" (\"country_id\", \"cities\") AS (")
        .contains("), \"tree\" (\"id\", \"parent_id\", \"name\", \"depth\") AS (");
  }

  @Test
  void anAliasedDerivedTableKeepsItsQueryAndBindsInOrder() {
    Shapes.Totals t = derived(TOTALS, db.select(CITIES.countryId, count()).from(CITIES)
        .where(eq(CITIES.name, "x")).groupBy(CITIES.countryId));
    Shapes.Totals other = t.as("other");
    var sql = db.selectFrom(other).where(gt(other.cities, 5L)).toSql(dialect);
    assertThat(sql.sql()).isEqualTo("SELECT \"country_id\", \"cities\" FROM (SELECT \"country_id\" AS "
        + "\"country_id\", COUNT(*) AS \"cities\" FROM \"cities\" WHERE \"name\" = ? GROUP BY \"country_id\") "
        + "AS \"other\" WHERE \"cities\" > ?");
    assertThat(sql.values()).containsExactly("x", 5L);
    assertThat(TOTALS.source()).as("the shape itself stays a plain table").isNull();
  }

  @Test
  void aProjectionJoinNeedsAFromTable() {
    assertThatThrownBy(() -> db.select(CITIES.name, COUNTRIES.name).join(COUNTRIES))
        .isInstanceOf(IllegalStateException.class).hasMessage("Call from(table) before joining countries");
  }
}
