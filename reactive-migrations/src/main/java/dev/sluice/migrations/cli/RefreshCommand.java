package dev.sluice.migrations.cli;

import dev.sluice.Database;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice refresh --url u [--dir d] [--json]}: undoes every applied migration (repeatable
 * ones' {@code .down.sql}, then each down script, newest first) and applies them all again. For
 * development databases: the data goes with the tables.
 */
@Command(name = "refresh", description = "Roll back every applied migration and apply them all again (development databases).")
final class RefreshCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "R2DBC URL of the database, e.g. r2dbc:sqlite:///app.db")
  String url;

  @Option(names = "--dir", defaultValue = "db/migrations", description = "Migrations directory (default: ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--json", description = "Print the report as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override public Integer call() {
    Database db = Database.builder().url(url).poolSize(2).build();
    Reports.RefreshReport r;
    try {
      r = Migrator.builder(db).directory(dir).build().refresh().block(Duration.ofHours(1));
    } finally {
      db.close().block(Duration.ofSeconds(30));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println("{\"rolledBack\": " + Json.strings(r.rolledBack().stream().map(Reports.Applied::name).toList())
          + ", \"applied\": " + Json.strings(r.migrated().applied().stream().map(Reports.Applied::name).toList())
          + ", \"repeatables\": " + Json.strings(r.migrated().repeatables().stream().map(Reports.Applied::name).toList()) + "}");
    } else {
      r.rolledBack().forEach(a -> out.println("rolled back " + a.name() + " (" + a.durationMs() + " ms)"));
      r.migrated().applied().forEach(a -> out.println("applied " + a.name() + " (" + a.durationMs() + " ms)"));
      r.migrated().repeatables().forEach(a -> out.println("repeated " + a.name() + " (" + a.durationMs() + " ms)"));
    }
    return SluiceCli.OK;
  }
}
