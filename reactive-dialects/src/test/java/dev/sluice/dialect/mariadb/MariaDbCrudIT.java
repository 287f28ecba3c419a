package dev.sluice.dialect.mariadb;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.CrudContract;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.testing.Country;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MariaDbCrudIT extends CrudContract {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected DatabaseTarget target() { return MariaDbTarget.INSTANCE; }

  @Test
  void deleteReturnsTheDeletedRows() {
    db.insertInto(COUNTRIES).values(new Country(4242, "Given")).execute().block(T);
    assertThat(db.deleteFrom(COUNTRIES).where(eq(COUNTRIES.name, "Given")).returning().map(Country::id)
        .collectList().block(T)).as("DELETE ... RETURNING").containsExactly(4242);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.update(COUNTRIES).set(COUNTRIES.name, "x")
        .where(eq(COUNTRIES.id, 1)).returning().blockLast(T))
        .isInstanceOf(dev.sluice.error.UnsupportedByDialectException.class);
  }
}
