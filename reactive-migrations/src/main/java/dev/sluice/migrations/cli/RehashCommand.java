package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.SumFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice rehash [--dir d] [--json]}: rewrites {@code sluice.sum} for the directory as it is,
 * accepting deliberate hand edits, and prints what differed before.
 */
@Command(name = "rehash", description = "Rewrite sluice.sum for the directory as it is (after deliberate hand edits).")
final class RehashCommand implements Callable<Integer> {
  @Option(names = "--dir", defaultValue = "db/migrations", description = "Migrations directory (default: ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--json", description = "Print what differed as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override public Integer call() {
    SumFile sums = new SumFile(dir);
    List<String> accepted = sums.differences();
    sums.write();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println("{\"accepted\": " + Json.strings(accepted) + "}");
    } else {
      accepted.forEach(a -> out.println("accepted: " + a));
      out.println("Wrote " + dir.resolve(SumFile.FILE_NAME));
    }
    return SluiceCli.OK;
  }
}
