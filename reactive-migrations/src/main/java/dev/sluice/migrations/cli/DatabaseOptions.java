package dev.sluice.migrations.cli;

import dev.sluice.Database;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --url}: the database a command works on (also {@code SLUICE_URL} or {@code url=} in the config file). */
final class DatabaseOptions {
  @Option(names = "--url", paramLabel = "URL",
      description = "R2DBC URL of the database, e.g. r2dbc:sqlite:///app.db (env SLUICE_URL, config key url)")
  String url;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** Runs {@code work} on a database opened for it (two connections), closed afterwards. */
  <T> T withDatabase(Function<Database, T> work) {
    if (url == null || url.isBlank()) {
      throw new ParameterException(spec.commandLine(),
          "Missing the database URL: give --url, set SLUICE_URL, or put url=... in sluice.properties");
    }
    Database db = Database.builder().url(url).poolSize(2).build();
    try {
      return work.apply(db);
    } finally {
      db.close().block(Duration.ofSeconds(30));
    }
  }
}
