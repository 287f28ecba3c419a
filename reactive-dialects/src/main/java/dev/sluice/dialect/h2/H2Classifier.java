package dev.sluice.dialect.h2;

import dev.sluice.error.SluiceException;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.sql.RenderedSql;
import io.r2dbc.spi.R2dbcException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2's errors, by SQLSTATE (H2 reports a failed CHECK as 23513), with the table, column and
 * constraint read from the message and the key values H2 writes into it redacted.
 */
class H2Classifier extends ErrorClassifier {
  private static final Pattern DML_TABLE = Pattern.compile(
      "^\\s*(?:SELECT .*? FROM (?:FINAL|OLD) TABLE \\()?(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+\"((?:[^\"]|\"\")+)\"",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** {@code "PUBLIC.CONSTRAINT_INDEX_4 ON PUBLIC.users(email NULLS FIRST) VALUES ( /* 1 *}{@code / 'a' )"}. */
  private static final Pattern UNIQUE = Pattern.compile(
      "violation: \"(?:[^.\"]+\\.)?([^ \"]+) ON (?:[^.(\"]+\\.)?([^(\"]+)\\(([^)]*)\\)");
  private static final Pattern NULL_COLUMN = Pattern.compile("NULL not allowed for column \"([^\"]+)\"");
  /** {@code "cities_country_id_fkey: PUBLIC.cities FOREIGN KEY(country_id) REFERENCES ... (999999)"}. */
  private static final Pattern FOREIGN_KEY = Pattern.compile(
      "violation: \"([^:\"]+): (?:[^.\"]+\\.)?([^ \"]+) FOREIGN KEY\\(([^),]+)");
  private static final Pattern CHECK = Pattern.compile("Check constraint violation: \"([^:\"]+)");
  /** What H2 appends after a key: {@code VALUES ( /* 1 *}{@code / 'x' )} or {@code (999999)}. */
  private static final Pattern VALUES = Pattern.compile("( VALUES \\(.*?\\)|\\) \\((?:[^()]|\\([^()]*\\))*\\))(\"|;)", Pattern.DOTALL);

  @Override protected SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    return ErrorTranslator.translate(classify(error), revealBinds ? error : redacted(error), sql,
        revealBinds, constraintInfo(error, sql == null ? null : sql.sql()));
  }

  /** By SQLSTATE: H2 reports a failed CHECK as 23513, a missing parent as 23506, a deadlock as 40001. */
  @Override protected ErrorKind classify(Throwable error) {
    String state = ErrorTranslator.sqlState(error);
    if (state == null) {
      return ErrorKind.fromDriverType(error);
    }
    return switch (state) {
      case "23513", "23514" -> ErrorKind.CHECK;
      case "23503", "23506" -> ErrorKind.FOREIGN_KEY;
      case "40001" -> ErrorKind.DEADLOCK;
      case "HYT00" -> ErrorKind.LOCK_NOT_AVAILABLE; // H2's lock timeout (50200)
      case "57014" -> ErrorKind.QUERY_CANCELLED;
      default -> super.classify(error);
    };
  }

  /** Table, column and constraint from H2's message, the table otherwise from the failed statement. */
  static ConstraintInfo constraintInfo(Throwable error, String sql) {
    String table = null;
    if (sql != null) {
      Matcher m = DML_TABLE.matcher(sql);
      if (m.find()) {
        table = m.group(1).replace("\"\"", "\"");
      }
    }
    String message = message(error);
    if (message != null) {
      Matcher m = UNIQUE.matcher(message);
      if (m.find()) {
        String[] cols = m.group(3).split(",");
        String column = cols.length == 1 ? cols[0].trim().replaceFirst(" NULLS (FIRST|LAST)$", "")
            .replaceFirst(" (ASC|DESC)$", "") : null;
        return new ConstraintInfo(m.group(2), column, m.group(1));
      }
      m = NULL_COLUMN.matcher(message);
      if (m.find()) {
        return new ConstraintInfo(table, m.group(1), null);
      }
      m = FOREIGN_KEY.matcher(message);
      if (m.find()) {
        return new ConstraintInfo(m.group(2), m.group(3).trim(), m.group(1));
      }
      m = CHECK.matcher(message);
      if (m.find()) {
        return new ConstraintInfo(table, null, m.group(1));
      }
    }
    return table == null ? ConstraintInfo.NONE : new ConstraintInfo(table, null, null);
  }

  private static String message(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException && t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return error == null ? null : error.getMessage();
  }

  /** The error with the key values H2 writes after a violated key removed from its message. */
  static Throwable redacted(Throwable error) {
    R2dbcException e = null;
    for (Throwable t = error; t != null && e == null; t = t.getCause()) {
      e = t instanceof R2dbcException r ? r : null;
    }
    if (e == null || e.getMessage() == null) {
      return error;
    }
    String m = e.getMessage();
    Matcher v = VALUES.matcher(m);
    String safe = v.replaceAll(r -> Matcher.quoteReplacement(
        (r.group(1).startsWith(" VALUES") ? " VALUES (<redacted>)" : ") (<redacted>)") + r.group(2)));
    return safe.equals(m) ? error : dev.sluice.spi.ErrorTranslator.redacted(e, safe);
  }
}
