package dev.sluice.migrations.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one direction of a migration: steps, each with the comment that says what it does
 * and its statements. {@link #text()} is what {@code up.sql}/{@code down.sql} hold: each statement
 * ends with {@code ;} and a line break, and {@link ScriptSplitter} reads it back.
 *
 * @param header comment lines at the top of the file (without {@code --})
 * @param steps  the steps, in run order
 */
public record MigrationScript(List<String> header, List<Step> steps) {
  public MigrationScript {
    header = List.copyOf(header);
    steps = List.copyOf(steps);
  }

  /**
   * One change's SQL.
   *
   * @param comment    what it does, and any warning (a down that cannot restore data says so here)
   * @param statements the statements, without the trailing {@code ;}
   */
  public record Step(String comment, List<String> statements) {
    public Step {
      statements = List.copyOf(statements);
    }
  }

  /** Every statement, in order. */
  public List<String> statements() {
    List<String> out = new ArrayList<>();
    for (Step s : steps) {
      out.addAll(s.statements());
    }
    return out;
  }

  /** The file text. */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (String h : header) {
      b.append("-- ").append(h).append('\n');
    }
    for (Step s : steps) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      for (String line : s.comment().split("\n")) {
        b.append("-- ").append(line).append('\n');
      }
      for (String st : s.statements()) {
        b.append(st).append(";\n");
      }
    }
    return b.toString();
  }
}
