package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * How a class whose migrations cannot be applied fails: each fixture class below is run by the
 * JUnit launcher (surefire and failsafe skip nested classes by default), and the class, not one
 * of its tests, fails with the error, before any test starts.
 */
class MigrationFailuresTest {
  @SluiceTest(migrations = "classpath:db/sluice-test-broken")
  static class Broken {
    @Test void neverRuns(Database db) { }
  }

  @SluiceTest(migrations = "classpath:db/no-such-migrations")
  static class Missing {
    @Test void neverRuns(Database db) { }
  }

  @SluiceTest(javaMigrations = "dev.sluice.test.nothing_here")
  static class NoJavaMigration {
    @Test void neverRuns(Database db) { }
  }

  /** The class's one failure; asserts that no test of it started. */
  static Throwable run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(fixture)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsStartedCount()).as("tests started").isZero();
    assertThat(summary.getContainersFailedCount()).as("the class failed").isEqualTo(1);
    List<Throwable> failures = summary.getFailures().stream().map(TestExecutionSummary.Failure::getException).toList();
    assertThat(failures).hasSize(1);
    return failures.get(0);
  }

  @Test
  void aFailingMigrationFailsTheClassWithTheMigrationsName() {
    assertThat(run(Broken.class)).isInstanceOf(MigrationException.class)
        .message().startsWith("@SluiceTest migrations of " + Broken.class.getName()
                + " failed at migration 20260102000000_broken (classpath:db/sluice-test-broken): ")
            .contains("no_such_table");
  }

  @Test
  void aLocationThatIsNotThereFailsTheClassNamingIt() {
    assertThat(run(Missing.class)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@SluiceTest migrations not found: classpath:db/no-such-migrations is not on the test class path");
  }

  @Test
  void aJavaMigrationPackageWithoutMigrationsFailsTheClass() {
    assertThat(run(NoJavaMigration.class)).isInstanceOf(MigrationException.class)
        .message().startsWith("@SluiceTest migrations of " + NoJavaMigration.class.getName()
                + " failed (Java migrations [dev.sluice.test.nothing_here]): ")
            .contains("dev.sluice.test.nothing_here");
  }

  @Test
  void withoutReactiveMigrationsAClassWithMigrationsIsRefusedNamingTheArtifact() throws Exception {
    try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> MigrationsAvailable.require(bare, Broken.class))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage("@SluiceTest(migrations/javaMigrations) on " + Broken.class.getName()
              + " needs dev.sluice:reactive-migrations on the test class path (dev.sluice.migrations.runner.Migrator"
              + " is missing): add it as a test dependency, or create the schema from tables (schema = ...)");
    }
    MigrationsAvailable.require(getClass().getClassLoader(), Broken.class);   // here it is
  }
}
