package dev.sluice.migrations.cli;

import dev.sluice.Database;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --url}: the database a command works on (also {@code SLUICE_URL} or {@code url=} in the
 * config file), and {@code --dialect} where the driver cannot tell which database it reached
 * (CockroachDB over {@code r2dbc:postgresql:} answers as PostgreSQL).
 */
final class DatabaseOptions {
  @Option(names = "--url", paramLabel = "URL",
      description = "R2DBC URL of the database, e.g. r2dbc:sqlite:///app.db (env SLUICE_URL, config key url)")
  String url;

  @Option(names = "--dialect", paramLabel = "NAME",
      description = "Sluice dialect when the driver cannot tell, e.g. cockroachdb for r2dbc:postgresql:// on CockroachDB"
          + " (env SLUICE_DIALECT, config key dialect)")
  String dialect;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** Runs {@code work} on a database opened for it (two connections), closed afterwards. */
  <T> T withDatabase(Function<Database, T> work) {
    if (url == null || url.isBlank()) {
      throw new ParameterException(spec.commandLine(),
          "Missing the database URL: give --url, set SLUICE_URL, or put url=... in sluice.properties");
    }
    dev.sluice.DatabaseBuilder builder = Database.builder().url(url).poolSize(2);
    if (dialect != null && !dialect.isBlank()) {
      try {
        builder.dialect(dev.sluice.spi.Dialects.named(dialect));
      } catch (dev.sluice.error.UnsupportedByDialectException e) {
        throw new ParameterException(spec.commandLine(), "--dialect " + dialect + ": " + e.getMessage());
      }
    }
    Database db = builder.build();
    try {
      return work.apply(db);
    } finally {
      db.close().block(Duration.ofSeconds(30));
    }
  }
}
