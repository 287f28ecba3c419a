package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports.CheckReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sluice check [--url u] [--dir d] [--json]}: integrity and branch conflicts of the
 * directory, and with a URL its differences from the database's history. Exits 0 when
 * nothing was found, 7 on an integrity mismatch, 8 on anything else (conflicts, changed, missing,
 * failed or out-of-order migrations).
 */
@Command(name = "check", description = "Check the directory's integrity and branch conflicts (and, with --url, the database's history); for CI.")
final class CheckCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin ClasspathOptions classpath;
  @Mixin JavaMigrationOptions java;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    CheckReport r = database.url == null
        ? Migrator.checkDirectory(directory.dir).block(Duration.ofMinutes(5))
        : SluiceCli.withMigrator(database, directory, classpath, java, b -> b, m -> m.check().block(Duration.ofMinutes(5)));
    Console console = output.console();
    if (output.json) {
      console.out().println(Json.object().put("ok", r.ok()).put("integrity", r.integrity()).put("sharedParents", r.sharedParents())
          .put("misplaced", r.misplaced()).put("changed", r.changed()).put("missing", r.missing()).put("failed", r.failed())
          .put("outOfOrder", r.outOfOrder()));
    } else {
      print(console, "integrity", r.integrity());
      print(console, "conflict", r.conflicts());
      print(console, "changed", r.changed());
      print(console, "missing", r.missing());
      print(console, "failed", r.failed());
      print(console, "out of order", r.outOfOrder());
      if (r.ok()) {
        console.line("@|bold,green OK:|@ " + Console.text(directory.dir.toString()) + " matches sluice.sum and has no branch conflicts.");
      }
    }
    return r.ok() ? SluiceCli.OK : !r.integrity().isEmpty() ? SluiceCli.INTEGRITY : SluiceCli.CONFLICT;
  }

  private static void print(Console console, String kind, List<String> findings) {
    findings.forEach(f -> console.line("@|red " + kind + ":|@ " + Console.text(f)));
  }
}
