package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sluice status}: baselined, applied, pending, changed, missing and failed migrations; exits 1
 * when any changed or failed.
 */
@Command(name = "status", description = "List baselined, applied, pending, changed, missing and failed migrations.")
final class StatusCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin ClasspathOptions classpath;
  @Mixin JavaMigrationOptions java;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    Reports.StatusReport r = SluiceCli.withMigrator(database, directory, classpath, java, b -> b, m -> m.status().block(Duration.ofMinutes(5)));
    if (output.json) {
      console.out().println(Json.object().put("applied", r.applied()).put("pending", r.pending()).put("changed", r.changed())
          .put("missing", r.missing()).put("failed", r.failed()).put("baselined", r.baselined()));
    } else {
      r.baselined().forEach(n -> console.line("@|cyan baseline|@ " + Console.text(n)));
      r.applied().forEach(n -> console.line("@|green applied|@  " + Console.text(n)));
      r.pending().forEach(n -> console.line("@|yellow pending|@  " + Console.text(n)));
      r.changed().forEach(n -> console.line("@|bold,red CHANGED|@  " + Console.text(n)));
      r.missing().forEach(n -> console.line("@|red missing|@  " + Console.text(n)));
      r.failed().forEach(n -> console.line("@|bold,red FAILED|@   " + Console.text(n)));
      console.line((r.baselined().isEmpty() ? "" : r.baselined().size() + " baselined, ") + r.applied().size() + " applied, "
          + r.pending().size() + " pending"
          + (r.changed().isEmpty() ? "" : ", " + r.changed().size() + " changed")
          + (r.missing().isEmpty() ? "" : ", " + r.missing().size() + " missing")
          + (r.failed().isEmpty() ? "" : ", " + r.failed().size() + " failed") + ".");
    }
    return r.changed().isEmpty() && r.failed().isEmpty() ? SluiceCli.OK : SluiceCli.FAILED;
  }
}
