package dev.sluice.dialect.sqlite;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.CrudContract;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Kitchen;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteCrudIT extends CrudContract {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected DatabaseTarget target() { return SqliteTarget.INSTANCE; }

  private List<String> names(dev.sluice.sql.Condition where) {
    return db.selectFrom(CITIES).where(where).orderBy(CITIES.id).fetch().map(City::name)
        .collectList().block(T);
  }

  /** SQLite's own LIKE ignores ASCII case; the dialect's GLOB keeps PostgreSQL's meaning. */
  @Test
  void likeIsCaseSensitiveAndIlikeIsNot() {
    db.insertInto(CITIES).values(List.of(new City(null, "Santiago", null, null),
        new City(null, "santa", null, null), new City(null, "50% off*", null, null),
        new City(null, "50x off?", null, null), new City(null, "[br]acket", null, null))).execute().block(T);
    assertThat(names(like(CITIES.name, "S%"))).containsExactly("Santiago");
    assertThat(names(notLike(CITIES.name, "s%"))).containsExactly("Santiago", "50% off*", "50x off?", "[br]acket");
    assertThat(names(ilike(CITIES.name, "SANT%"))).containsExactly("Santiago", "santa");
    assertThat(names(like(CITIES.name, "san_a"))).containsExactly("santa");
    assertThat(names(like(CITIES.name, "50\\% off%"))).containsExactly("50% off*");
    assertThat(names(like(CITIES.name, "%*"))).containsExactly("50% off*");
    assertThat(names(like(CITIES.name, "%?"))).containsExactly("50x off?");
    assertThat(names(like(CITIES.name, "[br]%"))).containsExactly("[br]acket");
    assertThat(names(ilike(CITIES.name, "50\\%%"))).containsExactly("50% off*");
  }

  @Test
  void decimalsKeepTheirScaleAndCompareAsNumbers() {
    Kitchen k = new Kitchen(null, null, null, null, null, null, null, new BigDecimal("1234.00"),
        null, null, null, null, null, null, null, null, null, null, null);
    assertThat(db.insertInto(KITCHENS).values(k).returning().block(T).amount()).isEqualTo(new BigDecimal("1234.00"));
    db.insertInto(KITCHENS).values(List.of(
        new Kitchen(null, null, null, null, null, null, null, new BigDecimal("99.90"), null, null, null,
            null, null, null, null, null, null, null, null))).execute().block(T);
    assertThat(db.select(KITCHENS.amount).from(KITCHENS).where(gt(KITCHENS.amount, new BigDecimal("100")))
        .fetch().map(r -> r.value1()).collectList().block(T)).containsExactly(new BigDecimal("1234.00"));
    assertThat(db.select(KITCHENS.amount).from(KITCHENS).orderBy(KITCHENS.amount).fetch()
        .map(r -> r.value1()).collectList().block(T))
        .containsExactly(new BigDecimal("99.90"), new BigDecimal("1234.00"));
  }

  @Test
  void anOffsetWithoutALimitAndIdsThatAreNeverReused() {
    Country a = db.insertInto(COUNTRIES).values(new Country(null, "A")).returning().block(T);
    db.insertInto(COUNTRIES).values(new Country(null, "B")).execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).offset(1).fetch().map(Country::name)
        .collectList().block(T)).containsExactly("B");
    db.deleteFrom(COUNTRIES).all().execute().block(T);
    Country c = db.insertInto(COUNTRIES).values(new Country(null, "C")).returning().block(T);
    assertThat(c.id()).as("AUTOINCREMENT").isGreaterThan(a.id() + 1);
  }
}
