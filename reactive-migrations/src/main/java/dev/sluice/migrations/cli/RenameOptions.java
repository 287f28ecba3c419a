package dev.sluice.migrations.cli;

import dev.sluice.migrations.diff.RenameResolver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a diff's rename questions and data-loss findings are answered: flags, a prompt, or a refusal. */
final class RenameOptions {
  @Option(names = "--rename", paramLabel = "[TABLE.]OLD:NEW",
      description = "Answer a rename question: table.old:new (a column), old:new (a table) or enum.type.old:new (an enum label); repeatable")
  List<String> renames = new ArrayList<>();

  @Option(names = "--non-interactive", description = "Never prompt: unanswered rename questions fail (exit 3)")
  boolean nonInteractive;

  @Option(names = "--allow-data-loss", description = "Allow destructive changes (drops, narrowing, NOT NULL)")
  boolean allowDataLoss;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** The flags' answers, then (on a terminal, unless --non-interactive) a prompt for the rest. */
  RenameResolver resolver(PrintWriter prompt) {
    RenameResolver flags = RenameResolver.flags(renames);
    SluiceCli cli = (SluiceCli) spec.root().userObject();
    return !nonInteractive && cli.terminal() ? flags.orElse(new PromptRenameResolver(cli.in(), prompt)) : flags;
  }
}
