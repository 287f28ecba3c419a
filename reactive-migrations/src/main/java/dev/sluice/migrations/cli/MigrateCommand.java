package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice migrate}: applies what the database lacks, printing a line per migration as it is
 * committed, with its duration ({@code applied 20260101120000_init (41 ms)}).
 */
@Command(name = "migrate", description = "Apply every migration the database lacks, in name order (or up to --target), then the changed repeatable ones.")
final class MigrateCommand implements Callable<Integer> {
  @Option(names = "--allow-conflicts", description = "Apply migrations even when `sluice check` finds branch conflicts")
  boolean allowConflicts;

  @Option(names = "--target", paramLabel = "NAME", description = "Apply migrations up to and including this one (by name)")
  String target;

  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin ClasspathOptions classpath;
  @Mixin JavaMigrationOptions java;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    long start = System.nanoTime();
    Reports.MigrateReport r = SluiceCli.withMigrator(database, directory, classpath, java, b -> {
      if (!output.json) {
        b.onApplied(a -> console.line("@|green applied|@ " + Console.text(a.name()) + " @|faint (" + a.durationMs() + " ms)|@"));
      }
      return allowConflicts ? b.allowConflicts() : b;
    }, m -> (target == null ? m.migrate() : m.migrateTo(target)).block(Duration.ofHours(1)));
    long total = Duration.ofNanos(System.nanoTime() - start).toMillis();
    if (output.json) {
      console.out().println(Json.object()
          .put("applied", r.applied().stream().map(a -> Json.object().put("name", a.name()).put("durationMs", a.durationMs())
              .put("statements", a.statements()).fields()).toList())
          .put("repeatables", r.repeatables().stream().map(a -> Json.object().put("name", a.name())
              .put("durationMs", a.durationMs()).fields()).toList())
          .put("skipped", r.skipped())
          .put("warnings", r.warnings())
          .put("durationMs", total));
    } else {
      r.warnings().forEach(w -> console.line("@|yellow warning:|@ " + Console.text(w)));
      r.repeatables().forEach(a -> console.line("@|green repeated|@ " + Console.text(a.name()) + " @|faint (" + a.durationMs() + " ms)|@"));
      r.skipped().forEach(s -> console.line("skipped " + Console.text(s) + " (applied by another runner)"));
      console.line(r.applied().isEmpty() ? "Nothing to apply."
          : "@|bold Applied " + r.applied().size() + " migration" + (r.applied().size() == 1 ? "" : "s") + "|@ in " + total + " ms.");
    }
    return SluiceCli.OK;
  }
}
