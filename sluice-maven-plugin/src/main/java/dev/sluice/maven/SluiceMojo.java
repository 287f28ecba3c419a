package dev.sluice.maven;

import dev.sluice.Database;
import dev.sluice.error.SluiceException;
import dev.sluice.migrations.cli.ClassPath;
import dev.sluice.migrations.cli.Databases;
import dev.sluice.migrations.runner.Migrator;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every {@code sluice:*} goal shares: the database ({@code url}, {@code user},
 * {@code password}), the migrations directory, the schema classes and Java migrations and the class
 * path they are found on (the project's compiled classes by default). A goal runs the same
 * {@link Migrator} API the {@code sluice} CLI runs, and fails the build with the error's message:
 * a {@link MojoFailureException} for what Sluice refused (a changed migration, a conflict, bad
 * configuration), a {@link MojoExecutionException} for anything unexpected.
 */
public abstract class SluiceMojo extends AbstractMojo {
  /** R2DBC URL of the database, e.g. {@code r2dbc:postgresql://app@localhost/app}. */
  @Parameter(property = "sluice.url")
  String url;

  /** User name, when not in the URL. */
  @Parameter(property = "sluice.user")
  String user;

  /** Password, when not in the URL. */
  @Parameter(property = "sluice.password")
  String password;

  /** The migrations directory (relative to the project's directory, or to the working directory without a project). */
  @Parameter(property = "sluice.dir", defaultValue = "db/migrations")
  File dir;

  /** Packages or classes (comma separated) holding the schema's {@code public static final Table} fields. */
  @Parameter(property = "sluice.schema")
  String schema;

  /** Packages or classes (comma separated) of Java migrations, run among the SQL ones by name. */
  @Parameter(property = "sluice.javaMigrations")
  String javaMigrations;

  /** Directories and jars (path-separator separated) of the schema classes and Java migrations; the project's compiled classes by default. */
  @Parameter(property = "sluice.classpath")
  String classpath;

  /** The project's compiled classes, the class path when {@link #classpath} is not set (and when they exist). */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  File outputDirectory;

  /** Skip the goal. */
  @Parameter(property = "sluice.skip", defaultValue = "false")
  boolean skip;

  /** The goal's name, for messages. */
  abstract String goal();

  /** The goal's work; may throw {@link MojoFailureException} for a finding that fails the build. */
  abstract void run() throws MojoFailureException;

  @Override public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("sluice:" + goal() + " skipped (sluice.skip)");
      return;
    }
    try {
      run();
    } catch (SluiceException | IllegalArgumentException | IllegalStateException e) {
      throw new MojoFailureException("sluice:" + goal() + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("sluice:" + goal() + " failed: " + e, e);
    }
  }

  /** Runs {@code work} on a migrator over the configured database, directory and Java migrations, with the class path's loader. */
  <T> T withMigrator(BiFunction<Migrator, ClassLoader, T> work) {
    requireDirectory();
    return ClassPath.with(classPath(), SluiceMojo.class.getClassLoader(), loader -> withDatabase(db -> {
      Migrator.Builder b = Migrator.builder(db).directory(dir.toPath()).classLoader(loader);
      if (javaMigrations != null) {
        Arrays.stream(javaMigrations.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(b::javaMigrationsIn);
      }
      return work.apply(configure(b).build(), loader);
    }));
  }

  /** Refuses a migrations directory that does not exist (a wrong {@code dir} would otherwise read as "no migrations"). */
  void requireDirectory() {
    if (needsDirectory() && !dir.isDirectory()) {
      throw new IllegalArgumentException("Migrations directory not found: " + dir + " (set <dir> or -Dsluice.dir=...)");
    }
  }

  /** True when the goal reads an existing migrations directory ({@code generate} creates it). */
  boolean needsDirectory() {
    return true;
  }

  /** A goal's own options of the migrator ({@code b} as it is by default). */
  Migrator.Builder configure(Migrator.Builder b) {
    return b;
  }

  /** Runs {@code work} on a migrator; see {@link #withMigrator(BiFunction)}. */
  <T> T withMigrator(Function<Migrator, T> work) {
    return withMigrator((m, loader) -> work.apply(m));
  }

  /** The class path to search: {@link #classpath}, else the project's compiled classes when they exist, else none. */
  String classPath() {
    if (classpath != null && !classpath.isBlank()) {
      return classpath;
    }
    return outputDirectory != null && outputDirectory.isDirectory() ? outputDirectory.getPath() : null;
  }

  private <T> T withDatabase(Function<Database, T> work) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Missing the database URL: set <url> in the plugin's configuration or -Dsluice.url=...");
    }
    Database db = Databases.open(url, user, password);
    try {
      return work.apply(db);
    } finally {
      db.close().block(Duration.ofSeconds(30));
    }
  }
}
