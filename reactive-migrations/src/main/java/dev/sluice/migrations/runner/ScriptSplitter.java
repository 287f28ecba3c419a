package dev.sluice.migrations.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements at each {@code ;} that is outside quotes
 * ({@code '...'}, {@code "..."}, {@code `...`}, {@code [...]}), comments ({@code --}, {@code /* *}{@code /})
 * and PostgreSQL dollar quotes ({@code $$ ... $$}, {@code $tag$ ... $tag$}). Comments and blank
 * statements are dropped; a statement keeps its inner line breaks.
 */
public final class ScriptSplitter {
  private ScriptSplitter() { }

  /**
   * A statement and whether a {@code -- sluice:outside-transaction} line marked it.
   *
   * @param sql                the statement, without {@code ;}
   * @param outsideTransaction it runs (and commits) before the migration's transaction
   */
  public record Statement(String sql, boolean outsideTransaction) { }

  /** The statements of {@code script}, in order, without their {@code ;}. */
  public static List<String> split(String script) {
    return splitMarked(script).stream().map(Statement::sql).toList();
  }

  /** The statements of {@code script} with their outside-transaction marks. */
  public static List<Statement> splitMarked(String script) {
    List<Statement> out = new ArrayList<>();
    boolean marked = false;
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        if (script.substring(i + 2, end < 0 ? n : end).trim().equals(
            dev.sluice.migrations.sql.MigrationScript.OUTSIDE_TRANSACTION)) {
          marked = true;
        }
        i = end < 0 ? n : end + 1;
        cur.append('\n');
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        cur.append(' ');
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = i + 1;
        while (end < n) {
          if (script.charAt(end) == close) {
            if (end + 1 < n && script.charAt(end + 1) == close) {
              end += 2; // doubled quote
              continue;
            }
            break;
          }
          end++;
        }
        cur.append(script, i, Math.min(end + 1, n));
        i = end + 1;
      } else if (c == '$' && dollarTag(script, i) != null) {
        String tag = dollarTag(script, i);
        int end = script.indexOf(tag, i + tag.length());
        int stop = end < 0 ? n : end + tag.length();
        cur.append(script, i, stop);
        i = stop;
      } else if (c == ';') {
        marked = add(out, cur, marked);
        cur.setLength(0);
        i++;
      } else {
        cur.append(c);
        i++;
      }
    }
    add(out, cur, marked);
    return out;
  }

  /** {@code $$} or {@code $tag$} starting at {@code i}, or null. */
  private static String dollarTag(String s, int i) {
    int j = i + 1;
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
      return s.substring(i, j + 1);
    }
    return null;
  }

  /** Adds the statement if it is not blank; returns the mark still pending (cleared once used). */
  private static boolean add(List<Statement> out, StringBuilder cur, boolean marked) {
    String s = cur.toString().strip();
    if (s.isEmpty()) {
      return marked;
    }
    out.add(new Statement(s, marked));
    return false;
  }
}
