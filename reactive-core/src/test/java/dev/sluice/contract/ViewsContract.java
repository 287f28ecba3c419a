package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static dev.sluice.testing.Views.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.IllegalUseException;
import dev.sluice.schema.Table;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.User;
import dev.sluice.testing.Views.CityPlace;
import dev.sluice.testing.Views.Reachable;
import dev.sluice.testing.Views.Summary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Views declared in code, on a live database: created by {@code createTables} after the tables (and
 * the views) they read, read like tables (where, order, joins, records, count), never written, and
 * their defining query's values written as literals that keep a hostile string harmless.
 */
public abstract class ViewsContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private static final Table<?>[] VIEWS = {SUMMARIES, REACHABLE, CITY_PLACES};

  @BeforeAll
  void createViews() {
    // given out of order: createTables puts each view after what it reads
    db.dropTables(VIEWS).then(db.createTables(VIEWS)).block(T);
  }

  @AfterAll
  void dropViews() {
    if (db != null) {
      db.dropTables(VIEWS).block(T);
    }
  }

  private User user(String name, String email) {
    return db.insertInto(USERS).values(new User(null, name, null, email, null)).returning().block(T);
  }

  @Test
  void aViewIsReadLikeATable() {
    User ann = user("Ann", "ann@x");
    user("Bob", null);
    User cy = user("Cy", "cy@x");
    user(HOSTILE, "evil@x");
    List<Reachable> all = db.selectFrom(REACHABLE).orderBy(REACHABLE.fullName).fetch().collectList().block(T);
    assertThat(all).containsExactly(new Reachable(ann.id(), "Ann", "ann@x"), new Reachable(cy.id(), "Cy", "cy@x"));
    assertThat(db.selectFrom(REACHABLE).where(eq(REACHABLE.email, "cy@x")).fetchOne().block(T))
        .isEqualTo(new Reachable(cy.id(), "Cy", "cy@x"));
    assertThat(db.select(REACHABLE.fullName).from(REACHABLE).where(gt(REACHABLE.id, ann.id())).fetch(n -> n)
        .collectList().block(T)).containsExactly("Cy");
    assertThat(db.selectFrom(REACHABLE).count().block(T)).isEqualTo(2L);
  }

  @Test
  void aViewJoinsTablesAndOtherViews() {
    Country fr = db.insertInto(COUNTRIES).values(new Country(null, "France")).returning().block(T);
    Country pe = db.insertInto(COUNTRIES).values(new Country(null, "Peru")).returning().block(T);
    City paris = db.insertInto(CITIES).values(new City(null, "Paris", fr.id(), null)).returning().block(T);
    db.insertInto(CITIES).values(new City(null, "Lyon", fr.id(), null)).returning().block(T);
    db.insertInto(CITIES).values(new City(null, "Lima", pe.id(), null)).returning().block(T);
    assertThat(db.selectFrom(SUMMARIES).orderBy(SUMMARIES.country).fetch().collectList().block(T))
        .containsExactly(new Summary("France", 2L), new Summary("Peru", 1L));
    // a view joined to a table, rows mapped into both records
    List<String> joined = db.selectFrom(CITY_PLACES).join(CITIES).on(eq(CITY_PLACES.cityId, CITIES.id))
        .where(eq(CITY_PLACES.country, "France")).orderBy(CITIES.name)
        .fetch((CityPlace place, City city) -> place.city() + "/" + city.countryId()).collectList().block(T);
    assertThat(joined).containsExactly("Lyon/" + fr.id(), "Paris/" + fr.id());
    assertThat(db.selectFrom(CITY_PLACES).where(eq(CITY_PLACES.cityId, paris.id())).fetchOne().block(T))
        .isEqualTo(new CityPlace(paris.id(), "Paris", "France"));
  }

  @Test
  void writesToAViewAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> db.insertInto(REACHABLE)).isInstanceOf(IllegalUseException.class)
        .hasMessage("INSERT INTO reachable_users: it is a view, which Sluice only reads; write to the tables it reads instead");
    assertThatThrownBy(() -> db.update(REACHABLE)).isInstanceOf(IllegalUseException.class)
        .hasMessageStartingWith("UPDATE reachable_users: it is a view");
    assertThatThrownBy(() -> db.deleteFrom(REACHABLE)).isInstanceOf(IllegalUseException.class)
        .hasMessageStartingWith("DELETE FROM reachable_users: it is a view");
    assertThatThrownBy(() -> db.save(REACHABLE, new Reachable(1, "x", "y")).block(T)).isInstanceOf(IllegalUseException.class)
        .hasMessageStartingWith("INSERT INTO reachable_users: it is a view");
  }

  @Test
  void theHostileLiteralIsKeptExactlyAndTheTablesSurvive() {
    user(HOSTILE, "evil@x");
    user("Dan", "dan@x");
    assertThat(db.select(REACHABLE.fullName).from(REACHABLE).fetch(n -> n).collectList().block(T)).containsExactly("Dan");
    assertThat(db.select(USERS.fullName).from(USERS).where(eq(USERS.fullName, HOSTILE)).fetch(n -> n).collectList().block(T))
        .containsExactly(HOSTILE);
  }
}
