package dev.sluice.dialect.sqlite;

import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's errors, from the bridge's SQLSTATE (SQLite's extended result code name, e.g.
 * {@code SQLITE_CONSTRAINT_UNIQUE}) and its message ({@code NOT NULL constraint failed: users.full_name}).
 */
class SqliteClassifier extends ErrorClassifier {
  /** {@code UNIQUE constraint failed: users.email}, {@code CHECK constraint failed: name}, ... */
  private static final Pattern FAILED =
      Pattern.compile("(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?::\\s*([^)\\]]+))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  /** The name of a length check: {@code users.phone: at most 20 characters}. */
  private static final Pattern LENGTH = Pattern.compile("(.+)\\.([^.:]+): at most \\d+ characters");
  /** The name of a decimal's precision check: {@code kitchens.amount: at most 10 digits before the point}. */
  private static final Pattern DIGITS = Pattern.compile("(.+)\\.([^.:]+): at most \\d+ digits before the point");

  /**
   * Classifies by the bridge's SQLSTATE, the SQLite extended result code name. A stale WAL snapshot
   * ({@code SQLITE_BUSY_SNAPSHOT}) means the transaction must be retried, as a serialization
   * failure; other busy/locked errors are lock timeouts ({@link ErrorKind#LOCK_NOT_AVAILABLE}), and a
   * foreign key RESTRICT action fails as a trigger ({@code SQLITE_CONSTRAINT_TRIGGER}).
   */
  @Override protected ErrorKind classify(Throwable error) {
    String state = ErrorTranslator.sqlState(error);
    if (state == null) {
      return ErrorKind.fromDriverType(error);
    }
    return switch (state) {
      case "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_ROWID" ->
          ErrorKind.UNIQUE;
      case "SQLITE_CONSTRAINT_FOREIGNKEY" -> ErrorKind.FOREIGN_KEY;
      case "SQLITE_CONSTRAINT_NOTNULL" -> ErrorKind.NOT_NULL;
      case "SQLITE_CONSTRAINT_CHECK" -> checkKind(constraintInfo(error));
      case "SQLITE_BUSY_SNAPSHOT" -> ErrorKind.SERIALIZATION;
      // ON DELETE/UPDATE RESTRICT fires as a trigger: "FOREIGN KEY constraint failed"
      case "SQLITE_CONSTRAINT_TRIGGER" -> String.valueOf(error.getMessage()).contains("FOREIGN KEY")
          ? ErrorKind.FOREIGN_KEY : ErrorKind.CONSTRAINT;
      case "SQLITE_BUSY", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE" ->
          ErrorKind.LOCK_NOT_AVAILABLE;
      case "SQLITE_INTERRUPT" -> ErrorKind.QUERY_CANCELLED;
      case "SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE" -> ErrorKind.DATA;
      case "SQLITE_READONLY", "SQLITE_AUTH", "SQLITE_PERM" -> ErrorKind.PERMISSION_DENIED;
      default -> state.startsWith("SQLITE_CONSTRAINT") ? ErrorKind.CONSTRAINT
          : state.equals("SQLITE_ERROR") && badSql(error) ? ErrorKind.BAD_SQL
          : ErrorKind.fromDriverType(error);
    };
  }

  /** SQLITE_ERROR is any error; its message tells a mistake in the statement. */
  private static boolean badSql(Throwable error) {
    String m = String.valueOf(error.getMessage());
    return m.contains("syntax error") || m.contains("no such table") || m.contains("no such column")
        || m.contains("no such function") || m.contains("ambiguous column") || m.contains("already exists");
  }

  /** A length check is a value too long, a precision check a refused value, others a check violation. */
  private static ErrorKind checkKind(ConstraintInfo info) {
    if (info.column() == null || info.constraint() == null) {
      return ErrorKind.CHECK;
    }
    return info.constraint().endsWith(" characters") ? ErrorKind.VALUE_TOO_LONG : ErrorKind.DATA;
  }

  /**
   * Reads SQLite's message: {@code UNIQUE constraint failed: users.email} gives table and column
   * (the column only when the key has one), {@code CHECK constraint failed: name} the constraint
   * name; foreign key messages name nothing.
   */
  @Override protected ConstraintInfo constraintInfo(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      Matcher m = t.getMessage() == null ? null : FAILED.matcher(t.getMessage());
      while (m != null && m.find()) {
        if (m.group(2) != null) { // the bridge prefixes a summary: "A NOT NULL constraint failed (...)"
          return constraintInfo(m.group(1), m.group(2).trim());
        }
      }
    }
    return ConstraintInfo.NONE;
  }

  static ConstraintInfo constraintInfo(String kind, String detail) {
    if (detail == null || detail.isEmpty()) {
      return ConstraintInfo.NONE;
    }
    if (kind.equals("CHECK")) {
      Matcher length = LENGTH.matcher(detail);
      Matcher digits = DIGITS.matcher(detail);
      if (length.matches() || digits.matches()) {
        Matcher m = length.matches() ? length : digits;
        return new ConstraintInfo(m.group(1), m.group(2), detail);
      }
      return IDENTIFIER.matcher(detail).matches()
          ? new ConstraintInfo(null, null, detail) : ConstraintInfo.NONE;
    }
    if (detail.startsWith("index '") && detail.endsWith("'")) {
      return new ConstraintInfo(null, null, detail.substring(7, detail.length() - 1));
    }
    String[] columns = detail.split(",\\s*");
    int dot = columns[0].indexOf('.');
    if (dot <= 0) {
      return ConstraintInfo.NONE;
    }
    String table = columns[0].substring(0, dot);
    return new ConstraintInfo(table, columns.length == 1 ? columns[0].substring(dot + 1) : null, null);
  }
}
