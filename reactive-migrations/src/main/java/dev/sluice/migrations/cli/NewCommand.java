package dev.sluice.migrations.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice new <name>}: an empty migration for hand-written SQL. */
@Command(name = "new", description = "Write an empty migration for hand-written SQL.")
final class NewCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Migration name (lower-case words joined by _)")
  String name;

  @Mixin DatabaseOptions database;
  @Mixin DirectoryOptions directory;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    var files = SluiceCli.withMigrator(database, directory, b -> b, m -> m.create(name).block(Duration.ofMinutes(1)));
    if (output.json) {
      console.out().println(Json.object().put("migration", files.name()));
    } else {
      console.line("@|bold,green Wrote|@ " + Console.text(files.dir().toString()));
    }
    return SluiceCli.OK;
  }
}
