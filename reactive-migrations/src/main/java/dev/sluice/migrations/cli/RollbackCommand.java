package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice rollback [--steps n | --to name]}: undoes the last applied migrations with their {@code down.sql}. */
@Command(name = "rollback", description = "Undo the last applied migrations with their down.sql.")
final class RollbackCommand implements Callable<Integer> {
  @Option(names = "--steps", defaultValue = "1", description = "How many migrations to undo (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--to", paramLabel = "NAME", description = "Roll back every migration newer than this one (by name), instead of --steps")
  String to;

  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin ClasspathOptions classpath;
  @Mixin JavaMigrationOptions java;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    Reports.RollbackReport r = SluiceCli.withMigrator(database, directory, classpath, java, b -> b, m -> (to == null ? m.rollback(steps) : m.rollbackTo(to)).block(Duration.ofHours(1)));
    if (output.json) {
      console.out().println(Json.object()
          .put("rolledBack", r.rolledBack().stream().map(Reports.Applied::name).toList())
          .put("durationsMs", r.rolledBack().stream().map(Reports.Applied::durationMs).toList()));
    } else {
      r.rolledBack().forEach(a -> console.line("@|yellow rolled back|@ " + Console.text(a.name()) + " @|faint (" + a.durationMs() + " ms)|@"));
    }
    return SluiceCli.OK;
  }
}
