package dev.sluice.test;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code @SluiceTest} with migrations as the schema, on whatever database the subclass names (each
 * subclass is annotated with {@link #MIGRATIONS} and {@link #JAVA_MIGRATIONS}, and the tables of
 * {@link SluiceTestContract.Tables}): the SQL and Java migrations were applied in name order before
 * the first test, the tables were created after them, and a test's writes into a migrated table
 * are rolled back, leaving what the migrations wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MigratedSluiceTestContract {
  static final String MIGRATIONS = "classpath:db/sluice-test-migrations";
  static final String JAVA_MIGRATIONS = "dev.sluice.test.migrations";
  private static final Duration T = Duration.ofSeconds(30);
  private static final List<String> APPLIED =
      List.of("20260101000000_notes", "20260102000000_java_note", "20260103000000_seed_note");

  private static List<String> notes(Database db) {
    return db.sql("SELECT body FROM notes ORDER BY id").fetch().map(r -> r.get("body", String.class))
        .collectList().block(T);
  }

  private static List<String> history(Database db) {
    return db.sql("SELECT name FROM sluice_migrations ORDER BY name").fetch().map(r -> r.get("name", String.class))
        .collectList().block(T);
  }

  @Test
  @Order(1)
  void theSqlAndJavaMigrationsRanInNameOrderBeforeTheFirstTest(Database db) {
    assertThat(history(db)).containsExactlyElementsOf(APPLIED);
    assertThat(notes(db)).containsExactly("from an SQL migration", "from a Java migration");
    assertThat(db.selectFrom(COUNTRIES).fetch().count().block(T)).as("the schema's tables, after the migrations").isZero();
  }

  @Test
  @Order(2)
  void aTestWritesIntoAMigratedTable(Database db) {
    db.sql("INSERT INTO notes (id, body) VALUES ({0}, {1})", 3, "written in a test").execute().block(T);
    db.sql("DELETE FROM notes WHERE id = {0}", 1).execute().block(T);
    assertThat(notes(db)).containsExactly("from a Java migration", "written in a test");
  }

  @Test
  @Order(3)
  void theNextTestSeesWhatTheMigrationsWroteAndNothingElse(Database db) {
    assertThat(notes(db)).containsExactly("from an SQL migration", "from a Java migration");
    assertThat(history(db)).as("applied once, for the class").containsExactlyElementsOf(APPLIED);
  }
}
