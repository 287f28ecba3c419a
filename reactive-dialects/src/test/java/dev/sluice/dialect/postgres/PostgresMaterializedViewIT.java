package dev.sluice.dialect.postgres;

import static dev.sluice.testing.Schema.USERS;
import static dev.sluice.testing.Views.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.contract.ContractBase;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.error.IllegalUseException;
import dev.sluice.testing.User;
import dev.sluice.testing.Views.Reachable;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A materialized view on PostgreSQL: created by {@code createTables}, read like a table, holding
 * what it held until {@code REFRESH MATERIALIZED VIEW} (a raw statement naming the view), never
 * written through Sluice.
 */
class PostgresMaterializedViewIT extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }

  @BeforeAll
  void createView() {
    db.dropTables(SNAPSHOT).then(db.createTables(SNAPSHOT)).block(T);
  }

  @AfterAll
  void dropView() {
    if (db != null) {
      db.dropTables(SNAPSHOT).block(T);
    }
  }

  @Test
  void aMaterializedViewShowsItsRowsAsOfTheLastRefresh() {
    User ann = db.insertInto(USERS).values(new User(null, "Ann", null, "ann@x", null)).returning().block(T);
    db.sql("REFRESH MATERIALIZED VIEW {0}", SNAPSHOT).execute().block(T);
    assertThat(db.selectFrom(SNAPSHOT).fetch().collectList().block(T)).containsExactly(new Reachable(ann.id(), "Ann", "ann@x"));
    db.insertInto(USERS).values(new User(null, "Bob", null, "bob@x", null)).execute().block(T);
    assertThat(db.selectFrom(SNAPSHOT).count().block(T)).isEqualTo(1L); // not refreshed yet
    db.sql("REFRESH MATERIALIZED VIEW {0}", SNAPSHOT).execute().block(T);
    assertThat(db.selectFrom(SNAPSHOT).count().block(T)).isEqualTo(2L);
    assertThatThrownBy(() -> db.deleteFrom(SNAPSHOT)).isInstanceOf(IllegalUseException.class);
  }
}
