package dev.sluice.dialect.h2;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.CrudContract;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class H2CrudIT extends CrudContract {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected DatabaseTarget target() { return H2Target.INSTANCE; }

  private List<String> names(dev.sluice.sql.Condition where) {
    return db.selectFrom(CITIES).where(where).orderBy(CITIES.id).fetch().map(City::name)
        .collectList().block(T);
  }

  /** The default collation ignores case; like must not, ilike must. */
  @Test
  void likeIsCaseSensitiveAndIlikeIsNot() {
    db.insertInto(CITIES).values(List.of(new City(null, "Santiago", null, null),
        new City(null, "santa", null, null), new City(null, "50% off", null, null),
        new City(null, "Ñandú", null, null))).execute().block(T);
    assertThat(names(like(CITIES.name, "S%"))).containsExactly("Santiago");
    assertThat(names(notLike(CITIES.name, "s%"))).containsExactly("Santiago", "50% off", "Ñandú");
    assertThat(names(ilike(CITIES.name, "SANT%"))).containsExactly("Santiago", "santa");
    assertThat(names(like(CITIES.name, "san_a"))).containsExactly("santa");
    assertThat(names(like(CITIES.name, "50\\% o%"))).containsExactly("50% off");
    assertThat(names(like(CITIES.name, "_and_"))).as("one character, not one byte").containsExactly("Ñandú");
  }

  @Test
  void anOffsetWithoutALimitAndReturningOnAnExplicitKey() {
    db.insertInto(COUNTRIES).values(List.of(new Country(null, "A"), new Country(null, "B"))).execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).offset(1).fetch().map(Country::name)
        .collectList().block(T)).containsExactly("B");
    Country given = db.insertInto(COUNTRIES).values(new Country(4242, "Given")).returning().block(T);
    assertThat(given).isEqualTo(new Country(4242, "Given"));
    assertThat(db.deleteFrom(COUNTRIES).where(eq(COUNTRIES.name, "Given")).returning().map(Country::id)
        .collectList().block(T)).as("OLD TABLE (DELETE ...)").containsExactly(4242);
  }
}
