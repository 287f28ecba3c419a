package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.DataException;
import dev.sluice.error.NotNullViolationException;
import dev.sluice.error.ValueTooLongException;
import dev.sluice.testing.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Bad input raises a typed exception naming the table and column, and nothing is written. */
public abstract class BadInputContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  private List<User> users() {
    return db.selectFrom(USERS).orderBy(USERS.id).fetch().collectList().block(T);
  }

  @Test
  void aNullIntoANotNullColumnNamesTableAndColumn() {
    StepVerifier.create(db.insertInto(USERS).values(List.of(new User(null, "ok", null, null, null),
            new User(null, null, null, null, null))).execute())
        .expectErrorSatisfies(e -> {
          NotNullViolationException n = (NotNullViolationException) e;
          assertThat(n.table()).isEqualTo("users");
          assertThat(n.column()).isEqualTo("full_name");
        })
        .verify(T);
    assertThat(users()).isEmpty();
  }

  @Test
  public void aStringTooLongForItsVarcharNamesTableAndColumn() {
    String tooLong = "0".repeat(21); // phone is varchar(20)
    StepVerifier.create(db.insertInto(USERS).values(new User(null, "Ann", tooLong, null, null)).execute())
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ValueTooLongException.class).hasMessageContaining("phone");
          assertThat(((DataException) e).table()).isEqualTo("users");
          assertThat(((DataException) e).column()).isEqualTo("phone");
        })
        .verify(T);
    assertThat(users()).isEmpty();

    db.insertInto(USERS).values(new User(null, "Ann", "123", null, null)).execute().block(T);
    StepVerifier.create(db.update(USERS).set(USERS.phone, tooLong).where(eq(USERS.fullName, "Ann")).execute())
        .expectErrorSatisfies(e -> assertThat(((DataException) e).column()).isEqualTo("phone"))
        .verify(T);
    assertThat(users()).extracting(User::phone).containsExactly("123");
  }

  /** A batch goes another way than one row on some databases (PostgreSQL: arrays through unnest). */
  @Test
  public void aStringTooLongInABatchFailsTheWholeBatch() {
    String tooLong = "0".repeat(21); // phone is varchar(20)
    StepVerifier.create(db.insertInto(USERS).values(List.of(new User(null, "Ann", "123", null, null),
            new User(null, "Bob", tooLong, null, null))).execute())
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueTooLongException.class))
        .verify(T);
    assertThat(users()).as("nothing written, nothing truncated").isEmpty();
  }

  @Test
  public void aValueOfTheWrongTypeThroughRawSqlIsATypedError() {
    db.insertInto(USERS).values(new User(null, "Ann", "123", null, null)).execute().block(T);
    // the escape hatch lets a string into an integer column: the database refuses it
    StepVerifier.create(db.update(USERS).set(USERS.id, sql(Integer.class, "{0}", "not a number"))
            .where(eq(USERS.fullName, "Ann")).execute())
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(DataException.class);
          assertThat(((DataException) e).table()).isEqualTo("users");
          assertThat(((DataException) e).column()).isEqualTo("id");
        })
        .verify(T);
    assertThat(users()).extracting(User::fullName).containsExactly("Ann");
  }
}
