package dev.sluice.migrations.cli;

import dev.sluice.migrations.runner.SumFile;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sluice rehash [--dir d] [--json]}: rewrites {@code sluice.sum} for the directory as it is,
 * accepting deliberate hand edits, and prints what differed before.
 */
@Command(name = "rehash", description = "Rewrite sluice.sum for the directory as it is (after deliberate hand edits).")
final class RehashCommand implements Callable<Integer> {
  @Mixin DirectoryOptions directory;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    SumFile sums = new SumFile(directory.dir);
    List<String> accepted = sums.differences();
    sums.write();
    Console console = output.console();
    if (output.json) {
      console.out().println(Json.object().put("accepted", accepted));
    } else {
      accepted.forEach(a -> console.line("@|yellow accepted:|@ " + Console.text(a)));
      console.line("Wrote " + Console.text(directory.dir.resolve(SumFile.FILE_NAME).toString()));
    }
    return SluiceCli.OK;
  }
}
