package dev.sluice.query;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.SluiceException;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class QueryBuilderTest {
  private final StandardDialect dialect = new StandardDialect();
  private final Database db = Database.builder().dialect(dialect).build();

  @Test
  void buildersAreImmutableAndReusable() {
    SelectFrom<City> base = db.selectFrom(CITIES).where(eq(CITIES.countryId, 1));
    SelectFrom<City> paged = base.orderBy(CITIES.name).limit(5);
    SelectFrom<City> filtered = base.where(eq(CITIES.name, "Lima"));
    String baseSql = base.toSql(dialect).sql();
    assertThat(baseSql).doesNotContain("ORDER BY").doesNotContain("FETCH");
    assertThat(paged.toSql(dialect).sql()).contains("ORDER BY \"name\"").contains("FETCH NEXT ?");
    assertThat(filtered.toSql(dialect).values()).containsExactly(1, "Lima");
    assertThat(base.toSql(dialect).sql()).isEqualTo(baseSql);
    assertThat(base.toSql(dialect).values()).containsExactly(1);
  }

  @Test
  void nullComparisonsBecomeNullChecks() {
    assertThat(db.selectFrom(CITIES).where(eq(CITIES.name, (String) null)).toSql(dialect).sql())
        .endsWith("WHERE \"name\" IS NULL");
    assertThat(db.selectFrom(CITIES).where(ne(CITIES.name, (String) null)).toSql(dialect).sql())
        .endsWith("WHERE \"name\" IS NOT NULL");
    assertThatThrownBy(() -> gt(CITIES.id, (Integer) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("isNull");
  }

  @Test
  void hostileValuesAreBoundNeverConcatenated() {
    String evil = "x'); DROP TABLE cities; --";
    var sql = db.selectFrom(CITIES).where(eq(CITIES.name, evil)).toSql(dialect);
    assertThat(sql.sql()).doesNotContain("DROP").endsWith("\"name\" = ?");
    assertThat(sql.values()).containsExactly(evil);
  }

  @Test
  void badPagingIsRejected() {
    assertThatThrownBy(() -> db.selectFrom(CITIES).limit(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> db.selectFrom(CITIES).offset(-3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
  }

  @Test
  void updateRejectsAColumnOfAnotherTable() {
    assertThatThrownBy(() -> db.update(CITIES).set(USERS.fullName, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users.full_name").hasMessageContaining("cities");
  }

  @Test
  void projectionInfersItsTableAndMapsThroughAConstructor() {
    assertThat(db.select(CITIES.id, CITIES.name).toSql(dialect).sql())
        .isEqualTo("SELECT \"id\", \"name\" FROM \"cities\"");
    assertThat(db.select(CITIES.id, COUNTRIES.name).query().from()).isNull();
  }

  @Test
  void batchesAreSizedByTheBindLimit() {
    assertThat(InsertRows.rowsPerStatement(4, 2000, 5000)).isEqualTo(500);
    assertThat(InsertRows.rowsPerStatement(4, 32767, 2000)).isEqualTo(2000);
    assertThat(InsertRows.rowsPerStatement(5000, 2000, 10)).isEqualTo(1);
  }

  @Test
  void insertLeavesOutGeneratedColumnsThatEveryRowLeavesNull() {
    var many = db.insertInto(COUNTRIES).values(List.of(new Country(null, "A"), new Country(null, "B")));
    var q = many.firstStatement(List.of(new Country(null, "A"), new Country(null, "B")));
    assertThat(dialect.render(q).sql()).isEqualTo("INSERT INTO \"countries\" (\"name\") VALUES (?), (?)");
    assertThatThrownBy(() -> many.firstStatement(List.of(new Country(1, "A"), new Country(null, "B"))))
        .isInstanceOf(dev.sluice.error.MappingException.class).hasMessageContaining("countries.id");
  }

  @Test
  void aRenderOnlyDatabaseFailsOnSubscriptionNotBefore() {
    var flux = db.selectFrom(CITIES).fetch();
    StepVerifier.create(flux).expectErrorSatisfies(e -> assertThat(e)
        .isInstanceOf(SluiceException.class).hasMessageContaining("only render")).verify();
  }
}
