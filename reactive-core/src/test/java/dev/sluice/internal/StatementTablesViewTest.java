package dev.sluice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.testing.Views;
import org.junit.jupiter.api.Test;

/** A read of a view reads the tables of its query too, so that writes to them drop its cached rows. */
class StatementTablesViewTest {

  @Test
  void aViewReadsItsQuerysTablesAndViews() {
    Database db = Database.builder().dialect(new dev.sluice.spi.StandardDialect()).build();
    assertThat(new StatementTables().read(db.selectFrom(Views.SUMMARIES).query()))
        .containsExactlyInAnyOrder("country_summaries", "city_places", "cities", "countries");
    assertThat(new StatementTables().read(db.selectFrom(Views.REACHABLE).query()))
        .containsExactlyInAnyOrder("reachable_users", "users");
  }
}
