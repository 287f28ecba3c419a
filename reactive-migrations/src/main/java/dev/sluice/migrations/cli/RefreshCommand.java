package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sluice refresh --url u [--dir d] [--json]}: undoes every applied migration (repeatable
 * ones' {@code .down.sql}, then each down script, newest first) and applies them all again. For
 * development databases: the data goes with the tables.
 */
@Command(name = "refresh", description = "Roll back every applied migration and apply them all again (development databases).")
final class RefreshCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin ClasspathOptions classpath;
  @Mixin JavaMigrationOptions java;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    Reports.RefreshReport r = SluiceCli.withMigrator(database, directory, classpath, java, b -> b, m -> m.refresh().block(Duration.ofHours(1)));
    if (output.json) {
      console.out().println(Json.object()
          .put("rolledBack", names(r.rolledBack()))
          .put("applied", names(r.migrated().applied()))
          .put("repeatables", names(r.migrated().repeatables())));
    } else {
      r.rolledBack().forEach(a -> console.line("@|yellow rolled back|@ " + Console.text(a.name()) + " @|faint (" + a.durationMs() + " ms)|@"));
      r.migrated().applied().forEach(a -> console.line("@|green applied|@ " + Console.text(a.name()) + " @|faint (" + a.durationMs() + " ms)|@"));
      r.migrated().repeatables().forEach(a -> console.line("@|green repeated|@ " + Console.text(a.name()) + " @|faint (" + a.durationMs() + " ms)|@"));
    }
    return SluiceCli.OK;
  }

  private static List<String> names(List<Reports.Applied> applied) {
    return applied.stream().map(Reports.Applied::name).toList();
  }
}
