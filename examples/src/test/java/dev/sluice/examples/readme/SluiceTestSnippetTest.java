package dev.sluice.examples.readme;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.test.SluiceTest;
import dev.sluice.testing.Country;
import org.junit.jupiter.api.Test;

/** The README's {@code @SluiceTest} block, run as it is shown (a SQLite file of its own, its schema from a migration). */
// tag::sluice-test[]
@SluiceTest(migrations = "classpath:db/readme-migrations")   // url = "r2dbc:postgresql://..." for a server
class SluiceTestSnippetTest {
  @Test
  void addsACountry(Database db) {                       // runs in a transaction, rolled back afterwards
    db.insertInto(COUNTRIES).values(new Country(null, "Peru")).execute().block();
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList().block())
        .containsExactly("Chile", "Peru");               // Chile: inserted by the migration
  }

  @Test
  void seesOnlyWhatTheMigrationWrote(Database db) {
    assertThat(db.selectFrom(COUNTRIES).fetch().map(Country::name).collectList().block()).containsExactly("Chile");
  }
}
// end::sluice-test[]
