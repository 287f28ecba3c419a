package dev.sluice.test;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Whether reactive-migrations is on the test class path, asked before {@link TestMigrations} (which
 * uses its {@code Migrator}) is loaded: reactive-migrations is an optional dependency of sluice-test,
 * needed only by {@code @SluiceTest(migrations = ...)} and {@code javaMigrations}.
 */
final class MigrationsAvailable {
  /** The class the check looks for. */
  static final String MIGRATOR = "dev.sluice.migrations.runner.Migrator";

  private MigrationsAvailable() { }

  /** Throws a configuration error naming the test class and the missing artifact when {@code loader} lacks the Migrator. */
  static void require(ClassLoader loader, Class<?> testClass) {
    try {
      Class.forName(MIGRATOR, false, loader);
    } catch (ClassNotFoundException e) {
      throw new ExtensionConfigurationException("@SluiceTest(migrations/javaMigrations) on " + testClass.getName()
          + " needs dev.sluice:reactive-migrations on the test class path (" + MIGRATOR
          + " is missing): add it as a test dependency, or create the schema from tables (schema = ...)", e);
    }
  }
}
