package dev.sluice.migrations.cli;

import dev.sluice.migrations.diff.Change;
import dev.sluice.migrations.push.PushReport;
import dev.sluice.migrations.push.Pusher;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice push}: applies the difference between the schema code and the live database
 * directly, without a migration file (for prototyping); {@code --dry-run} prints the SQL instead.
 */
@Command(name = "push", description = "Apply the difference between the schema code and the live database, without a migration (prototyping).")
final class PushCommand implements Callable<Integer> {
  @Option(names = "--dry-run", description = "Print the SQL and change nothing")
  boolean dryRun;

  @Mixin DatabaseOptions database;
  @Mixin SchemaOptions schema;
  @Mixin ClasspathOptions classpath;
  @Mixin RenameOptions renames;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    Console console = output.console();
    var resolver = renames.resolver(console.out());
    PushReport r = database.withDatabase(db -> {
      var code = classpath.withLoader(l -> schema.snapshot(l, db.dialect()));
      Pusher.Builder b = Pusher.builder(db).renames(resolver);
      if (renames.allowDataLoss) {
        b.allowDataLoss();
      }
      if (dryRun) {
        b.dryRun();
      }
      return b.build().push(code).block(Duration.ofMinutes(30));
    });
    if (output.json) {
      console.out().println(Json.object().put("applied", r.applied()).put("dryRun", dryRun)
          .put("changes", r.plan().changes().stream().map(Change::describe).toList())
          .put("statements", r.statements())
          .put("dataLoss", r.findings().stream().map(f -> f.reason()).toList())
          .put("durationMs", r.durationMs()));
      return SluiceCli.OK;
    }
    if (r.upToDate()) {
      console.line("Nothing to push: the database matches the schema code.");
      return SluiceCli.OK;
    }
    r.findings().forEach(f -> console.line("@|yellow data loss allowed:|@ " + Console.text(f.reason())));
    if (dryRun) {
      console.line("@|faint -- dry run: " + r.plan().changes().size() + " changes, nothing applied|@");
      r.statements().forEach(s -> console.out().println(s + ";"));
      console.out().flush();
    } else {
      r.plan().changes().forEach(c -> console.line("@|green pushed|@ " + Console.text(c.describe())));
      console.line("@|bold Pushed " + r.plan().changes().size() + " changes|@ (" + r.statements().size() + " statements) in "
          + r.durationMs() + " ms.");
    }
    return SluiceCli.OK;
  }
}
