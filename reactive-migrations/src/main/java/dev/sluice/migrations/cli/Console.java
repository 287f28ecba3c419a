package dev.sluice.migrations.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;

/**
 * The CLI's human output: picocli's {@code @|bold,green ...|@} markup, rendered as ANSI colours on
 * a terminal and as plain text elsewhere (a pipe, a file, a test, {@code NO_COLOR}, {@code --color=never}).
 */
final class Console {
  private final PrintWriter out;
  private final Ansi ansi;

  Console(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  /** Prints one line of markup; values inside it go through {@link #text}. */
  void line(String markup) {
    out.println(ansi.string(markup));
    out.flush();
  }

  /** {@code s} with picocli's markup characters defused, for names and messages inside markup. */
  static String text(String s) {
    return s.replace("@|", "@ |").replace("|@", "| @");
  }

  PrintWriter out() { return out; }
}
