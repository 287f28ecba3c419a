package dev.sluice.dialect.mysql;

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
 * MySQL's and MariaDB's errors, by error number ({@code R2dbcException.getErrorCode()}), with the
 * table, column and constraint read from the message and the values it quotes redacted.
 */
class MySqlClassifier extends ErrorClassifier {
  private static final Pattern DML_TABLE = Pattern.compile(
      "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+`((?:[^`]|``)+)`",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate entry '(.*)' for key '(?:([^'.]+)\\.)?([^']+)'",
      Pattern.DOTALL);
  private static final Pattern NULL_COLUMN = Pattern.compile("(?:Column|Field) '([^']+)' (?:cannot be null|doesn't have a default value)");
  private static final Pattern FOREIGN_KEY = Pattern.compile(
      "foreign key constraint fails \\(`[^`]*`\\.`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \\(`([^`]+)`");
  private static final Pattern MYSQL_CHECK = Pattern.compile("Check constraint '([^']+)' is violated");
  private static final Pattern MARIADB_CHECK = Pattern.compile("CONSTRAINT `([^`]+)` failed for `[^`]*`\\.`([^`]+)`");
  /** {@code for column 'phone' at row 1} (MySQL) or {@code for column `db`.`users`.`id` at row 1} (MariaDB). */
  private static final Pattern VALUE_COLUMN = Pattern.compile(
      "for column (?:'([^']+)'|`(?:[^`]|``)*`\\.`((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`) at row");
  private static final Pattern QUOTED_VALUE = Pattern.compile("value: '.*?' for", Pattern.DOTALL);

  /** Classifies, names the table and column, and redacts values MySQL writes into its messages. */
  @Override protected SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    ErrorKind kind = classify(error);
    ConstraintInfo info = constraintInfo(error, sql == null ? null : sql.sql());
    return ErrorTranslator.translate(kind, revealBinds ? error : redacted(error), sql, revealBinds, info);
  }

  /** Classifies by MySQL error number; other errors by SQLSTATE. */
  @Override protected ErrorKind classify(Throwable error) {
    R2dbcException e = driverError(error);
    int code = e == null ? 0 : e.getErrorCode();
    return switch (code) {
      case 1062, 1586, 1022, 1169 -> ErrorKind.UNIQUE;
      case 1451, 1452, 1216, 1217 -> ErrorKind.FOREIGN_KEY;
      case 1048, 1364, 1263 -> ErrorKind.NOT_NULL;
      case 3819, 4025 -> ErrorKind.CHECK;
      case 1213 -> ErrorKind.DEADLOCK;
      case 1406 -> ErrorKind.VALUE_TOO_LONG; // data too long for column
      case 1264, 1265, 1292, 1366, 1367 -> ErrorKind.DATA; // out of range, truncated, incorrect value
      case 1020 -> ErrorKind.SERIALIZATION; // MariaDB: record changed since last read (snapshot isolation)
      case 1205, 3572 -> ErrorKind.LOCK_NOT_AVAILABLE; // lock wait timeout, NOWAIT: only the statement failed
      case 3024, 1969 -> ErrorKind.QUERY_TIMEOUT; // MAX_EXECUTION_TIME, MariaDB's max_statement_time
      case 1317 -> ErrorKind.QUERY_CANCELLED; // query execution was interrupted
      case 1142, 1143, 1044, 1045, 1227, 1370 -> ErrorKind.PERMISSION_DENIED;
      case 1792 -> ErrorKind.PERMISSION_DENIED; // a write in a READ ONLY transaction
      default -> super.classify(error);
    };
  }

  /** The driver error carrying MySQL's error number. */
  static R2dbcException driverError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException r && r.getErrorCode() != 0) {
        return r;
      }
    }
    return null;
  }

  /** Table, column and constraint from MySQL's message, the table otherwise from the failed statement. */
  static ConstraintInfo constraintInfo(Throwable error, String sql) {
    R2dbcException e = driverError(error);
    String message = e == null ? (error == null ? null : error.getMessage()) : e.getMessage();
    String table = null;
    if (sql != null) {
      Matcher m = DML_TABLE.matcher(sql);
      if (m.find()) {
        table = m.group(1).replace("``", "`");
      }
    }
    if (message == null) {
      return table == null ? ConstraintInfo.NONE : new ConstraintInfo(table, null, null);
    }
    Matcher m = DUPLICATE.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(m.group(2) != null ? m.group(2) : table, null, m.group(3));
    }
    m = NULL_COLUMN.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(table, m.group(1), null);
    }
    m = FOREIGN_KEY.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(m.group(1), m.group(3), m.group(2));
    }
    m = MYSQL_CHECK.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(table, null, m.group(1));
    }
    m = MARIADB_CHECK.matcher(message);
    if (m.find()) {
      String constraint = m.group(1);
      String column = null;
      int dot = constraint.indexOf('.');
      if (dot > 0) { // a column's own CHECK is named "table.column" ... or after the column
        column = constraint.substring(dot + 1);
      }
      return new ConstraintInfo(m.group(2), column, constraint);
    }
    m = VALUE_COLUMN.matcher(message);
    if (m.find()) {
      return m.group(1) != null ? new ConstraintInfo(table, m.group(1), null)
          : new ConstraintInfo(m.group(2).replace("``", "`"), m.group(3).replace("``", "`"), null);
    }
    return table == null ? ConstraintInfo.NONE : new ConstraintInfo(table, null, null);
  }

  /** The error with the values MySQL quotes in its message (a duplicate entry, a bad value) replaced. */
  static Throwable redacted(Throwable error) {
    R2dbcException e = driverError(error);
    if (e == null || e.getMessage() == null) {
      return error;
    }
    String m = e.getMessage();
    Matcher dup = DUPLICATE.matcher(m);
    String safe = dup.find()
        ? m.substring(0, dup.start(1)) + "<redacted>" + m.substring(dup.end(1))
        : QUOTED_VALUE.matcher(m).replaceAll("value: '<redacted>' for");
    return safe.equals(m) ? error : dev.sluice.spi.ErrorTranslator.redacted(e, safe);
  }
}
