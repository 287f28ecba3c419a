package dev.sluice.migrations.cli;

import dev.sluice.migrations.diff.RenameQuestion;
import dev.sluice.migrations.diff.RenameResolver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Asks each rename question on a terminal (or any reader): the candidates are numbered, a number
 * answers "renamed from that one", {@code n} answers "new", an empty line or end of input leaves
 * the question open (the diff then lists it and fails).
 *
 * <pre>
 * column users.name: renamed from one of [full_name], or new?
 *   1) renamed from full_name
 *   n) new column
 * &gt; 1
 * </pre>
 */
final class PromptRenameResolver implements RenameResolver {
  private final BufferedReader in;
  private final PrintWriter out;

  PromptRenameResolver(BufferedReader in, PrintWriter out) {
    this.in = in;
    this.out = out;
  }

  @Override public Answer resolve(RenameQuestion q) {
    out.println(q.subject() + ": renamed from one of " + q.candidates() + ", or new?");
    for (int i = 0; i < q.candidates().size(); i++) {
      out.println("  " + (i + 1) + ") renamed from " + q.candidates().get(i));
    }
    out.println("  n) new " + (q.isEnumValue() ? "value" : q.isColumn() ? "column" : "table"));
    out.print("> ");
    out.flush();
    try {
      String line = in.readLine();
      if (line == null || line.isBlank()) {
        return Answer.OPEN;
      }
      line = line.trim();
      if (line.equalsIgnoreCase("n")) {
        return Answer.NEW;
      }
      int k = Integer.parseInt(line);
      if (k < 1 || k > q.candidates().size()) {
        return Answer.OPEN;
      }
      return Answer.renamedFrom(q.candidates().get(k - 1));
    } catch (NumberFormatException e) {
      return Answer.OPEN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
