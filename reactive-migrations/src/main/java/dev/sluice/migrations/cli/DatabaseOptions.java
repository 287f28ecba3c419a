package dev.sluice.migrations.cli;

import dev.sluice.Database;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --url}, {@code --user}, {@code --password}: the database a command works on (also
 * {@code SLUICE_URL}, {@code SLUICE_USER}, {@code SLUICE_PASSWORD}, or {@code url=}, {@code user=},
 * {@code password=} in the config file), and {@code --dialect} where the driver cannot tell which
 * database it reached (CockroachDB over {@code r2dbc:postgresql:} answers as PostgreSQL).
 */
final class DatabaseOptions {
  @Option(names = "--url", paramLabel = "URL",
      description = "R2DBC URL of the database, e.g. r2dbc:sqlite:///app.db (env SLUICE_URL, config key url)")
  String url;

  @Option(names = "--dialect", paramLabel = "NAME",
      description = "Sluice dialect when the driver cannot tell, e.g. cockroachdb for r2dbc:postgresql:// on CockroachDB"
          + " (env SLUICE_DIALECT, config key dialect)")
  String dialect;

  @Option(names = "--user", paramLabel = "USER",
      description = "Database user, when not in the URL (env SLUICE_USER, config key user)")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD",
      description = "Database password, when not in the URL (env SLUICE_PASSWORD, config key password)")
  String password;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** Runs {@code work} on a database opened for it (two connections), closed afterwards. */
  <T> T withDatabase(Function<Database, T> work) {
    if (url == null || url.isBlank()) {
      throw new ParameterException(spec.commandLine(),
          "Missing the database URL: give --url, set SLUICE_URL, or put url=... in sluice.properties");
    }
    dev.sluice.spi.Dialect named = null;
    if (dialect != null && !dialect.isBlank()) {
      try {
        named = dev.sluice.spi.Dialects.named(dialect);
      } catch (dev.sluice.error.UnsupportedByDialectException e) {
        throw new ParameterException(spec.commandLine(), "--dialect " + dialect + ": " + e.getMessage());
      }
    }
    Database db = Databases.open(url, user, password, named);
    try {
      return work.apply(db);
    } finally {
      db.close().block(Duration.ofSeconds(30));
    }
  }
}
