package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice baseline --to <name>}: adopts Sluice on an existing database by recording every
 * migration up to and including {@code <name>} as applied without running it. Exits 10, writing
 * nothing, when the history already has rows.
 */
@Command(name = "baseline",
    description = "Record every migration up to and including --to as applied, without running it (adopting an existing database).")
final class BaselineCommand implements Callable<Integer> {
  @Option(names = "--to", required = true, paramLabel = "NAME", description = "The last migration the database already has (by name)")
  String to;

  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin ClasspathOptions classpath;
  @Mixin JavaMigrationOptions java;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    Reports.BaselineReport r = SluiceCli.withMigrator(database, directory, classpath, java, b -> b,
        m -> m.baseline(to).block(Duration.ofMinutes(5)));
    if (output.json) {
      console.out().println(Json.object().put("baselined", r.baselined()));
    } else {
      r.baselined().forEach(n -> console.line("@|cyan baselined|@ " + Console.text(n)));
      console.line("@|bold Baselined " + r.baselined().size() + " migration" + (r.baselined().size() == 1 ? "" : "s")
          + "|@ (recorded, not run).");
    }
    return SluiceCli.OK;
  }
}
