package dev.sluice.test;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Test classes run in parallel on one PostgreSQL server, each in a database of its own: four
 * classes, two pairs of one simple name ({@code Writer}, {@code Reader}), run by the JUnit launcher
 * with classes concurrent. Each commits rows ({@code rollback = false}) and then counts exactly its
 * own, so a database shared by two classes, or dropped under one by another, fails a count.
 */
class ParallelClassesIT {
  private static final Duration T = Duration.ofSeconds(60);
  private static final String PG = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";

  /** Commits {@code n} countries in its first test, and finds exactly those in its second. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  abstract static class Commits {
    abstract int n();

    @Test
    @Order(1)
    void commitsItsRows(Database db) {
      for (int i = 0; i < n(); i++) {
        db.insertInto(COUNTRIES).values(new Country(null, getClass().getName() + " " + i)).execute().block(T);
      }
    }

    @Test
    @Order(2)
    void findsExactlyItsOwnRows(Database db) {
      List<String> names = db.selectFrom(COUNTRIES).fetch().map(Country::name).collectList().block(T);
      assertThat(names).hasSize(n()).allMatch(name -> name.startsWith(getClass().getName() + " "));
    }
  }

  static final class First {
    @SluiceTest(url = PG, schema = SluiceTestContract.Tables.class, rollback = false)
    static class Writer extends Commits {
      @Override int n() { return 1; }
    }

    @SluiceTest(url = PG, schema = SluiceTestContract.Tables.class, rollback = false)
    static class Reader extends Commits {
      @Override int n() { return 2; }
    }
  }

  static final class Second {
    @SluiceTest(url = PG, schema = SluiceTestContract.Tables.class, rollback = false)
    static class Writer extends Commits {
      @Override int n() { return 3; }
    }

    @SluiceTest(url = PG, schema = SluiceTestContract.Tables.class, rollback = false)
    static class Reader extends Commits {
      @Override int n() { return 4; }
    }
  }

  @Test
  void parallelClassesOfOneNameEachHaveTheirOwnDatabase() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(First.Writer.class), DiscoverySelectors.selectClass(First.Reader.class),
            DiscoverySelectors.selectClass(Second.Writer.class), DiscoverySelectors.selectClass(Second.Reader.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getFailures()).extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
        .isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(8);
  }
}
