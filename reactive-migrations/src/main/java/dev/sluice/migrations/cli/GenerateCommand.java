package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.Reports;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice generate <name>}: a migration from the difference between the last snapshot and the schema code. */
@Command(name = "generate", description = "Write a migration from the difference between the last snapshot and the schema code.")
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Migration name (lower-case words joined by _)")
  String name;

  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin SchemaOptions schema;
  @Mixin ClasspathOptions classpath;
  @Mixin RenameOptions renames;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    var resolver = renames.resolver(console.out());
    Reports.GenerateReport r = SluiceCli.withMigrator(database, directory, b -> b,
        m -> m.generate(name, classpath.withLoader(l -> schema.snapshot(l, m.dialect())), resolver,
            renames.allowDataLoss).block(Duration.ofMinutes(5)));
    if (output.json) {
      console.out().println(Json.object()
          .put("migration", r.migration() == null ? null : r.migration().name())
          .put("changes", r.plan().changes().size())
          .put("dataLoss", r.findings().size()));
    } else if (r.migration() == null) {
      console.line("Nothing to generate: the schema code matches the last snapshot.");
    } else {
      r.findings().forEach(f -> console.line("@|yellow data loss allowed:|@ " + Console.text(f.reason())));
      console.line("@|bold,green Wrote|@ " + Console.text(r.migration().dir().toString()) + " (" + r.plan().changes().size() + " changes)");
    }
    return SluiceCli.OK;
  }
}
