package dev.sluice.internal;

import dev.sluice.error.DataException;
import dev.sluice.schema.Column;
import dev.sluice.spi.Dialect;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.Statement;
import java.util.List;

/**
 * Refuses, before a statement is sent, a bound value the database would store changed: a string
 * with a lone UTF-16 surrogate (it has no UTF-8 form, and drivers send {@code ?} in its place), or
 * a value the dialect names in {@link Dialect#refusal} (SQLite's NaN, which it stores as NULL;
 * PostgreSQL's NUL character, which it refuses without naming the column). The
 * refusal is a {@link DataException} naming the table and column the value was for. Arrays (bound
 * by PostgreSQL's many-row insert) are checked element by element.
 *
 * <p>On the hot path: a scan of each string's chars and one call per other value, with no
 * allocation when every value is fine.
 */
final class BindCheck {
  private BindCheck() {}

  /** Throws a {@link DataException} for the first value of {@code sql} that cannot be kept. */
  static void check(Dialect dialect, RenderedSql sql, Statement statement) {
    List<Bind> binds = sql.binds();
    for (int i = 0; i < binds.size(); i++) {
      Object value = binds.get(i).value();
      if (value == null) {
        continue;
      }
      if (value instanceof Object[] array) {
        for (Object element : array) {
          String reason = element == null ? null : reason(dialect, element);
          if (reason != null) {
            throw refused(reason, element, i, sql, statement);
          }
        }
        continue;
      }
      String reason = reason(dialect, value);
      if (reason != null) {
        throw refused(reason, value, i, sql, statement);
      }
    }
  }

  private static String reason(Dialect dialect, Object value) {
    if (value instanceof String s) {
      int at = loneSurrogate(s);
      if (at == NUL) {
        return dialect.refusal(s);
      }
      return at < 0 ? null : "a lone UTF-16 surrogate (U+" + Integer.toHexString(s.charAt(at)).toUpperCase()
          + " at index " + at + "), which has no UTF-8 form: drivers would store '?' instead";
    }
    return dialect.refusal(value);
  }

  /** What {@link #loneSurrogate} returns for a string whose only oddity is a NUL character. */
  static final int NUL = -2;

  /**
   * The index of the first unpaired surrogate char in {@code s}; else {@link #NUL} when it holds a
   * NUL character (for the dialect to judge); else -1.
   */
  static int loneSurrogate(String s) {
    int n = s.length();
    boolean nul = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == 0) {
        nul = true;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return nul ? NUL : -1;
  }

  private static DataException refused(String reason, Object value, int bind, RenderedSql sql,
      Statement statement) {
    Column<?> column = BoundColumns.columnOf(statement, value);
    String table = column == null ? BoundColumns.tableOf(statement) : column.table().name();
    String where = column != null ? " [table " + table + ", column " + column.name() + "]"
        : " [" + (table == null ? "" : "table " + table + ", ") + "bound value " + (bind + 1) + "]";
    return new DataException("Value refused before sending: " + reason + where, null, sql.sql(), table,
        column == null ? null : column.name());
  }
}
