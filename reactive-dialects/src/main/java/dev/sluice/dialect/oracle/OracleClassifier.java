package dev.sluice.dialect.oracle;

import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ErrorKind;
import io.r2dbc.spi.R2dbcException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Oracle's errors, by ORA- number ({@link R2dbcException#getErrorCode()}). */
class OracleClassifier extends ErrorClassifier {
  /** {@code ORA-00001: unique constraint (APP.UQ_USERS_EMAIL) violated}. */
  private static final Pattern CONSTRAINT = Pattern.compile("constraint \\((?:[^.)]+\\.)?([^)]+)\\)");
  /** {@code ORA-01400: cannot insert NULL into ("APP"."users"."full_name")}. */
  private static final Pattern NULL_INTO = Pattern.compile("NULL into \\((?:\"[^\"]*\"\\.)?\"([^\"]+)\"\\.\"([^\"]+)\"\\)");

  /** By ORA- number. */
  @Override protected ErrorKind classify(Throwable error) {
    R2dbcException e = r2dbc(error);
    if (e == null) {
      return ErrorKind.fromDriverType(error);
    }
    return switch (e.getErrorCode()) {
      case 1 -> ErrorKind.UNIQUE;
      case 2291, 2292 -> ErrorKind.FOREIGN_KEY;
      case 1400, 1407 -> ErrorKind.NOT_NULL;
      case 2290 -> ErrorKind.CHECK;
      case 8177 -> ErrorKind.SERIALIZATION;
      case 60 -> ErrorKind.DEADLOCK;
      case 54, 30006 -> ErrorKind.LOCK_NOT_AVAILABLE; // resource busy (NOWAIT), WAIT timeout
      case 1013 -> ErrorKind.QUERY_CANCELLED; // user requested cancel of current operation
      case 942, 904, 900, 933, 936 -> ErrorKind.BAD_SQL; // no table, invalid identifier, syntax
      case 1031 -> ErrorKind.PERMISSION_DENIED;
      case 12899 -> ErrorKind.VALUE_TOO_LONG;
      default -> super.classify(error);
    };
  }

  /** The constraint from {@code (SCHEMA.NAME)}; table and column from {@code ("S"."T"."C")}. */
  @Override protected ConstraintInfo constraintInfo(Throwable error) {
    R2dbcException e = r2dbc(error);
    if (e == null || e.getMessage() == null) {
      return ConstraintInfo.NONE;
    }
    Matcher m = NULL_INTO.matcher(e.getMessage());
    if (m.find()) {
      return new ConstraintInfo(m.group(1), m.group(2), null);
    }
    m = CONSTRAINT.matcher(e.getMessage());
    return m.find() ? new ConstraintInfo(null, null, m.group(1)) : ConstraintInfo.NONE;
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
