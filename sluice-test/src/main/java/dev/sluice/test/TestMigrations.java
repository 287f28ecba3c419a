package dev.sluice.test;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Applies a test class's migrations ({@link SluiceTest#migrations}, {@link SluiceTest#javaMigrations})
 * with reactive-migrations' {@link Migrator}, once, on the class's fresh database. A migration that
 * fails is named in the error: the migrator's own error, wrapped in a {@link MigrationException}
 * that says which class, which location and which migration. Loaded only after
 * {@link MigrationsAvailable#require} found the Migrator; its signatures name no migrations type.
 */
final class TestMigrations {
  private static final Duration T = Duration.ofMinutes(5);

  private TestMigrations() { }

  /** Applies the migrations; returns the names of those applied, in order. */
  static List<String> apply(Database db, String location, String[] javaMigrations, Class<?> testClass) {
    ClassLoader loader = testClass.getClassLoader();
    Path none = null;
    try {
      Path dir;
      if (location.isEmpty()) {
        none = Files.createTempDirectory("sluice-test-java-only");
        dir = none.resolve("migrations");   // absent: Java migrations alone
      } else {
        dir = MigrationLocation.resolve(location, loader);
      }
      Migrator.Builder b = Migrator.builder(db).directory(dir).classLoader(loader).appliedBy("@SluiceTest");
      for (String javaPackage : javaMigrations) {
        if (!javaPackage.isBlank()) {
          b.javaMigrationsIn(javaPackage.strip());
        }
      }
      Migrator migrator = b.build();
      try {
        Reports.MigrateReport report = migrator.migrate().block(T);
        return report.applied().stream().map(Reports.Applied::name).toList();
      } catch (RuntimeException e) {
        String failed = failedMigration(migrator);
        throw new MigrationException("@SluiceTest migrations of " + testClass.getName() + " failed"
            + (failed == null ? "" : " at migration " + failed)
            + " (" + (location.isEmpty() ? "Java migrations " + List.of(javaMigrations) : location) + "): "
            + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new MigrationException("@SluiceTest migrations of " + testClass.getName() + ": " + e.getMessage(), e);
    } finally {
      if (none != null) {
        none.toFile().delete();
      }
    }
  }

  /**
   * The migration that failed: the one the history records as failed (MySQL, MariaDB), else the
   * first still pending (rolled back where DDL is transactional); null when the migrator cannot tell
   * (it fails before anything runs, as on an integrity error).
   */
  private static String failedMigration(Migrator migrator) {
    try {
      Reports.StatusReport status = migrator.status().block(T);
      if (!status.failed().isEmpty()) {
        return status.failed().get(0);
      }
      return status.pending().isEmpty() ? null : status.pending().get(0);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
