package dev.sluice.spi;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

/** The kinds of database error, each mapped to a typed Sluice exception by {@link ErrorTranslator}. */
public enum ErrorKind {
  UNIQUE, FOREIGN_KEY, NOT_NULL, CHECK,
  /** Another integrity constraint (class 23), or one the database did not name. */
  CONSTRAINT,
  SERIALIZATION, DEADLOCK,
  /** A lock could not be had: NOWAIT, or a lock wait timed out (55P03). */
  LOCK_NOT_AVAILABLE,
  /** The statement was cancelled on the server (57014). */
  QUERY_CANCELLED,
  /** The statement ran past a time limit (a statement timeout; HYT00). */
  QUERY_TIMEOUT,
  /** A string or binary value too long for its column (22001). */
  VALUE_TOO_LONG,
  /** A value the database refused: class 22 data exceptions and 42804 datatype mismatch. */
  DATA,
  /** The statement itself: a syntax error, an unknown table or column (class 42, 0A). */
  BAD_SQL,
  /** Missing privileges (42501, class 28), a write in a read-only transaction (25006). */
  PERMISSION_DENIED,
  /** The server is short of resources (class 53). */
  TRANSIENT_RESOURCE,
  OTHER;

  /**
   * Classifies by the standard SQLSTATE codes (classes 22, 23, 28, 42, 0A, 40001, 25006, HYT00); a
   * dialect classifies its own codes first (PostgreSQL's 40P01, 55P03, 57014, class 53).
   */
  public static ErrorKind fromSqlState(String state) {
    if (state == null) {
      return OTHER;
    }
    return switch (state) {
      case "23505" -> UNIQUE;
      case "23503" -> FOREIGN_KEY;
      case "23502" -> NOT_NULL;
      case "23514" -> CHECK;
      case "40001" -> SERIALIZATION;
      case "HYT00" -> QUERY_TIMEOUT;
      case "22001" -> VALUE_TOO_LONG;
      case "42804" -> DATA;
      case "42501", "25006" -> PERMISSION_DENIED;
      default -> state.startsWith("22") ? DATA
          : state.startsWith("23") ? CONSTRAINT
          : state.startsWith("42") || state.startsWith("0A") ? BAD_SQL
          : state.startsWith("28") ? PERMISSION_DENIED
          : OTHER;
    };
  }

  /**
   * Classifies by the R2DBC exception type the driver chose, for errors whose SQLSTATE says nothing
   * standard; {@code OTHER} when the type does not tell either.
   */
  public static ErrorKind fromDriverType(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcBadGrammarException) {
        return BAD_SQL;
      }
      if (t instanceof R2dbcPermissionDeniedException) {
        return PERMISSION_DENIED;
      }
      if (t instanceof R2dbcDataIntegrityViolationException) {
        return CONSTRAINT;
      }
      if (t instanceof R2dbcRollbackException) {
        return SERIALIZATION;
      }
      if (t instanceof R2dbcTimeoutException) {
        return QUERY_TIMEOUT;
      }
      if (t instanceof R2dbcTransientResourceException) {
        return TRANSIENT_RESOURCE;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return OTHER;
  }
}
