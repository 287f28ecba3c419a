package dev.sluice.migrations.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --json} and {@code --color}, mixed into every command. */
final class OutputOptions {
  /** When to colour the output. */
  enum Color { auto, always, never }

  @Option(names = "--json", description = "Print the report as one line of JSON (for tools)")
  boolean json;

  @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
      description = "Colour the output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto means on a terminal, unless NO_COLOR is set)")
  Color color;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** The console of this run, coloured as {@code --color} and the terminal say. */
  Console console() {
    SluiceCli cli = (SluiceCli) spec.root().userObject();
    return new Console(spec.commandLine().getOut(), ansi(color, cli.terminal(), cli.env().containsKey("NO_COLOR")));
  }

  static Ansi ansi(Color color, boolean terminal, boolean noColor) {
    return switch (color == null ? Color.auto : color) {
      case always -> Ansi.ON;
      case never -> Ansi.OFF;
      case auto -> terminal && !noColor ? Ansi.ON : Ansi.OFF;
    };
  }
}
