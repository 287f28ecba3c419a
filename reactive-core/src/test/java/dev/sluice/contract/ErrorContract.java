package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.CheckViolationException;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.NotNullViolationException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.testing.ChatGroup;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Database errors arrive as typed exceptions that name the SQL, and nothing is half written. */
public abstract class ErrorContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @Test
  void aDuplicateKeyIsAUniqueViolationWithRedactedBinds() {
    db.insertInto(USERS).values(new User(null, "A", null, "same@x.io", null)).execute().block(T);
    StepVerifier.create(db.insertInto(USERS).values(new User(null, "B", null, "same@x.io", null)).execute())
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(UniqueViolationException.class);
          assertThat(((SluiceException) e).sql()).startsWith("INSERT INTO");
          assertThat(e.getMessage()).contains("values redacted").doesNotContain("same@x.io");
        })
        .verify(T);
  }

  @Test
  void aNullInANotNullColumnIsANotNullViolation() {
    StepVerifier.create(db.insertInto(USERS).values(new User(null, null, null, null, null)).execute())
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotNullViolationException.class)
            .hasMessageContaining("full_name"))
        .verify(T);
    assertThat(db.selectFrom(USERS).fetch().count().block(T)).isZero();
  }

  @Test
  void aMissingParentIsAForeignKeyViolation() {
    StepVerifier.create(db.insertInto(CITIES).values(new City(null, "Ghost", 999_999, null)).execute())
        .expectError(ForeignKeyViolationException.class).verify(T);
  }

  @Test
  void aFailedCheckIsACheckViolation() {
    StepVerifier.create(db.insertInto(CHAT_GROUPS).values(new ChatGroup(null, "")).execute())
        .expectError(CheckViolationException.class).verify(T);
  }

  @Test
  void aBatchWithOneBadRowWritesNothing() {
    List<Country> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(new Country(null, i == 4321 ? "c1" : "c" + i));
    }
    StepVerifier.create(db.insertInto(COUNTRIES).values(rows).execute())
        .expectError(UniqueViolationException.class).verify(T);
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).isZero();
  }

  @Test
  void theConnectionIsReleasedAfterAnError() throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      db.insertInto(CITIES).values(new City(null, "Ghost", 999_999, null)).execute()
          .onErrorResume(ForeignKeyViolationException.class, e -> reactor.core.publisher.Mono.empty())
          .block(T);
    }
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    assertThat(db.selectFrom(CITIES).where(eq(CITIES.name, "Ghost")).fetch().count().block(T)).isZero();
  }
}
