package dev.sluice.dialect.mssql;

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
 * SQL Server's errors, by error number ({@link R2dbcException#getErrorCode()}), with the table,
 * column and constraint read from the message and the duplicate key value redacted.
 */
class SqlServerClassifier extends ErrorClassifier {
  /** {@code Violation of UNIQUE KEY constraint 'UQ_x'. ... in object 'dbo.users'. ...}. */
  private static final Pattern UNIQUE = Pattern.compile(
      "constraint '([^']+)'.*?object '(?:[^']*\\.)?([^'.]+)'", Pattern.DOTALL);
  /** {@code Cannot insert duplicate key row in object 'dbo.countries' with unique index 'ix'.}. */
  private static final Pattern UNIQUE_INDEX = Pattern.compile(
      "object '(?:[^']*\\.)?([^'.]+)' with unique index '([^']+)'", Pattern.DOTALL);
  /** {@code Cannot insert the value NULL into column 'full_name', table 'test.dbo.users'; ...}. */
  private static final Pattern NOT_NULL = Pattern.compile(
      "column '([^']+)', table '(?:[^']*\\.)?([^'.]+)'");
  /** {@code ... conflicted with the CHECK constraint "ck". ... table "dbo.t", column 'c'.}. */
  private static final Pattern CONFLICT = Pattern.compile(
      "constraint \"([^\"]+)\"(?:.*?table \"(?:[^\"]*\\.)?([^\".]+)\")?(?:, column '([^']+)')?",
      Pattern.DOTALL);
  private static final Pattern DUPLICATE_VALUE = Pattern.compile("The duplicate key value is \\(.*\\)\\.",
      Pattern.DOTALL);

  /** By SQL Server error number; 547 is a foreign key or a check, told apart by its message. */
  @Override protected ErrorKind classify(Throwable error) {
    R2dbcException e = r2dbc(error);
    if (e == null) {
      return ErrorKind.fromDriverType(error);
    }
    return switch (e.getErrorCode()) {
      case 2627, 2601 -> ErrorKind.UNIQUE;
      case 547 -> {
        String m = String.valueOf(e.getMessage());
        yield m.contains("FOREIGN KEY") || m.contains("REFERENCE") ? ErrorKind.FOREIGN_KEY
            : m.contains("CHECK") ? ErrorKind.CHECK : ErrorKind.CONSTRAINT;
      }
      case 515 -> ErrorKind.NOT_NULL;
      case 1205 -> ErrorKind.DEADLOCK;
      case 3960 -> ErrorKind.SERIALIZATION;
      case 1222 -> ErrorKind.LOCK_NOT_AVAILABLE; // lock request time out (LOCK_TIMEOUT, NOWAIT)
      case 208, 207, 102, 156 -> ErrorKind.BAD_SQL; // invalid object, invalid column, syntax
      case 229, 230, 262 -> ErrorKind.PERMISSION_DENIED;
      case 8152, 2628 -> ErrorKind.VALUE_TOO_LONG; // string or binary data would be truncated
      default -> super.classify(error);
    };
  }

  @Override protected ConstraintInfo constraintInfo(Throwable error) {
    R2dbcException e = r2dbc(error);
    if (e == null || e.getMessage() == null) {
      return ConstraintInfo.NONE;
    }
    String m = e.getMessage();
    Matcher x;
    switch (e.getErrorCode()) {
      case 2627 -> {
        if ((x = UNIQUE.matcher(m)).find()) {
          return new ConstraintInfo(x.group(2), null, x.group(1));
        }
      }
      case 2601 -> {
        if ((x = UNIQUE_INDEX.matcher(m)).find()) {
          return new ConstraintInfo(x.group(1), null, x.group(2));
        }
      }
      case 515 -> {
        if ((x = NOT_NULL.matcher(m)).find()) {
          return new ConstraintInfo(x.group(2), x.group(1), null);
        }
      }
      case 547 -> {
        if ((x = CONFLICT.matcher(m)).find()) {
          boolean check = m.contains("CHECK");
          return new ConstraintInfo(check ? x.group(2) : null, check ? x.group(3) : null, x.group(1));
        }
      }
      default -> { }
    }
    return ConstraintInfo.NONE;
  }

  /** Redacts the duplicate key value SQL Server puts in unique-violation messages, unless allowed. */
  @Override protected SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    R2dbcException e = r2dbc(error);
    if (revealBinds || e == null || e.getMessage() == null
        || !DUPLICATE_VALUE.matcher(e.getMessage()).find()) {
      return super.translate(error, sql, revealBinds);
    }
    String redacted = DUPLICATE_VALUE.matcher(e.getMessage())
        .replaceAll("The duplicate key value is (redacted).");
    R2dbcException copy = ErrorTranslator.redacted(e, redacted);
    return ErrorTranslator.translate(classify(copy), copy, sql, false, constraintInfo(copy));
  }

  private static R2dbcException r2dbc(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException r) {
        return r;
      }
    }
    return null;
  }
}
