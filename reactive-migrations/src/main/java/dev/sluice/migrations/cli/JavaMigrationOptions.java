package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Migrator;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --java-migrations}: packages (scanned with their sub-packages) or classes holding
 * {@link dev.sluice.migrations.runner.JavaMigration}s, run among the directory's SQL migrations in
 * name order (also {@code SLUICE_JAVA_MIGRATIONS} or {@code java-migrations=} in the config file).
 */
final class JavaMigrationOptions {
  @Option(names = "--java-migrations", paramLabel = "PACKAGE|CLASS", split = ",",
      description = "Packages or classes of Java migrations (found with --classpath), run among the SQL ones by name"
          + " (env SLUICE_JAVA_MIGRATIONS, config key java-migrations)")
  List<String> javaMigrations;

  /** {@code b} with the Java migrations named, looked up in {@code loader}. */
  Migrator.Builder apply(Migrator.Builder b, ClassLoader loader) {
    b.classLoader(loader);
    if (javaMigrations != null) {
      javaMigrations.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(b::javaMigrationsIn);
    }
    return b;
  }
}
