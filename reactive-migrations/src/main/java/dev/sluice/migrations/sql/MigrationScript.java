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

  /** The comment line that marks a statement to run outside the migration's transaction. */
  public static final String OUTSIDE_TRANSACTION = "sluice:outside-transaction";

  /**
   * The first value of a guard statement ({@code SELECT 'sluice:enum-value-in-use' AS guard, ...,
   * COUNT(*) AS row_count ...}): the runner fails with an {@code EnumValueInUseException} when its
   * count is not zero.
   */
  public static final String ENUM_VALUE_GUARD = "sluice:enum-value-in-use";

  /**
   * The first value of SQLite's guard against a table rebuild dropping triggers ({@code SELECT
   * 'sluice:rebuild-drops-triggers' AS guard, 't' AS table_name, group_concat(name) AS triggers,
   * COUNT(*) AS row_count FROM sqlite_master ...}): the runner refuses the script when the count is
   * not zero.
   */
  public static final String TRIGGER_GUARD = "sluice:rebuild-drops-triggers";

  /**
   * One change's SQL.
   *
   * @param comment            what it does, and any warning (a down that cannot restore data says so here)
   * @param statements         the statements, without the trailing {@code ;}
   * @param outsideTransaction the statements must commit before the rest of the migration runs
   *                           (PostgreSQL's {@code ALTER TYPE ... ADD VALUE}, whose value a transaction
   *                           cannot use before it commits); each is written after a
   *                           {@code -- sluice:outside-transaction} line, and must be idempotent
   */
  public record Step(String comment, List<String> statements, boolean outsideTransaction) {
    public Step {
      statements = List.copyOf(statements);
    }

    /** A step that runs in the migration's transaction. */
    public Step(String comment, List<String> statements) {
      this(comment, statements, false);
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
        if (s.outsideTransaction()) {
          b.append("-- ").append(OUTSIDE_TRANSACTION).append('\n');
        }
        b.append(st).append(";\n");
      }
    }
    return b.toString();
  }
}
