package dev.sluice.test;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.testing.Country;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Mono;

/**
 * What {@code @SluiceTest} promises, on whatever database the subclass names: the schema exists,
 * a test's writes are gone in the next test, and a transaction inside a test is a savepoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SluiceTestContract {
  private static final Duration T = Duration.ofSeconds(30);

  /** The schema holder of the tests: COUNTRIES only. */
  public static final class Tables {
    public static final dev.sluice.schema.Table<?> COUNTRY_TABLE = COUNTRIES;

    private Tables() { }
  }

  @Test
  @Order(1)
  void aTestWritesAndReadsItsOwnRows(Database db) {
    db.insertInto(COUNTRIES).values(new Country(null, "written in test 1")).execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).fetch().map(Country::name).collectList().block(T))
        .containsExactly("written in test 1");
  }

  @Test
  @Order(2)
  void theNextTestSeesNothingOfIt(Database db) {
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).as("rolled back after test 1").isZero();
  }

  @Test
  @Order(3)
  void aTransactionInsideATestIsASavepoint(Database db) {
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "kept")).execute()).blockLast(T);
    assertThatThrownBy(() -> db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "undone"))
            .execute().then(Mono.<Long>error(new IllegalStateException("boom")))).blockLast(T))
        .hasMessage("boom");
    assertThat(db.selectFrom(COUNTRIES).fetch().map(Country::name).collectList().block(T)).containsExactly("kept");
  }

  @Test
  @Order(4)
  void andThatTooIsGoneAfterwards(Database db) {
    assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "kept")).fetch().count().block(T)).isZero();
  }
}
