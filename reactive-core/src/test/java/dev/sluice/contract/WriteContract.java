package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Country;
import dev.sluice.testing.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upserts and RETURNING from updates and deletes, on a live database. */
public abstract class WriteContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  private List<String> users() {
    return db.selectFrom(USERS).orderBy(USERS.email).fetch().map(u -> u.email() + "=" + u.fullName())
        .collectList().block(T);
  }

  @Test
  void upsertUpdatesTheExistingRow() {
    db.insertInto(USERS).values(new User(null, "Dan", "1", "dan@x.io", null)).execute().block(T);
    db.insertInto(USERS).values(new User(null, "Daniel", "2", "dan@x.io", null))
        .onConflict(USERS.email).doUpdate(USERS.fullName).execute().block(T);
    assertThat(users()).containsExactly("dan@x.io=Daniel");
    assertThat(db.selectFrom(USERS).fetchOne().block(T).phone()).as("not in doUpdate").isEqualTo("1");
  }

  @Test
  void upsertDoNothingKeepsTheExistingRow() {
    db.insertInto(COUNTRIES).values(new Country(null, "Peru")).execute().block(T);
    db.insertInto(COUNTRIES).values(new Country(null, "Peru")).onConflict(COUNTRIES.name).doNothing()
        .execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).isEqualTo(1L);
  }

  @Test
  void batchUpsertInsertsNewRowsAndUpdatesOldOnes() {
    List<User> before = db.insertInto(USERS).values(List.of(new User(null, "A", null, "a@x.io", null),
        new User(null, "B", null, "b@x.io", null))).returning().collectList().block(T);
    db.insertInto(USERS).values(List.of(new User(null, "A2", null, "a@x.io", null),
            new User(null, "C", null, "c@x.io", null)))
        .onConflict(USERS.email).doUpdateAll().execute().block(T);
    assertThat(users()).containsExactly("a@x.io=A2", "b@x.io=B", "c@x.io=C");
    User a = db.selectFrom(USERS).where(eq(USERS.email, "a@x.io")).fetchOne().block(T);
    assertThat(a.id()).as("a generated key the batch did not supply is kept").isEqualTo(before.get(0).id());
    assertThat(a.createdAt().toInstant()).as("a database default is not overwritten")
        .isEqualTo(before.get(0).createdAt().toInstant());
  }

  @Test
  void updateAndDeleteCanReturnTheRowsTheyChanged() {
    db.insertInto(USERS).values(List.of(new User(null, "A", null, "a@x.io", null),
        new User(null, "B", null, "b@x.io", null))).execute().block(T);
    assertThat(db.update(USERS).set(USERS.phone, "555").where(eq(USERS.fullName, "A")).returning()
        .map(User::phone).collectList().block(T)).containsExactly("555");
    assertThat(db.deleteFrom(USERS).where(eq(USERS.fullName, "B")).returning().map(User::email)
        .collectList().block(T)).containsExactly("b@x.io");
    assertThat(users()).containsExactly("a@x.io=A");
  }
}
