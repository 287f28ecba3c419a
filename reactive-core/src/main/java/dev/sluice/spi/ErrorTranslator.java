package dev.sluice.spi;

import dev.sluice.CheckViolationException;
import dev.sluice.DataException;
import dev.sluice.DeadlockException;
import dev.sluice.ForeignKeyViolationException;
import dev.sluice.NotNullViolationException;
import dev.sluice.SerializationFailureException;
import dev.sluice.SluiceException;
import dev.sluice.UniqueViolationException;
import dev.sluice.ValueTooLongException;
import dev.sluice.sql.RenderedSql;
import io.r2dbc.spi.R2dbcException;

/** Builds the typed exception and its message for a classified driver error. */
public final class ErrorTranslator {
  private ErrorTranslator() {}

  /** The SQLSTATE of an R2DBC error (or of its cause), or null. */
  public static String sqlState(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException r && r.getSqlState() != null) {
        return r.getSqlState();
      }
    }
    return null;
  }

  /**
   * {@code error} with its message replaced by {@code safeMessage} (a bound value cut out), keeping
   * its SQLSTATE, error code and stack trace; {@code error} itself when nothing was cut.
   */
  public static R2dbcException redacted(R2dbcException error, String safeMessage) {
    if (safeMessage.equals(error.getMessage())) {
      return error;
    }
    R2dbcException r = new RedactedDriverError(safeMessage, error.getSqlState(), error.getErrorCode());
    r.setStackTrace(error.getStackTrace());
    return r;
  }

  /** A driver error whose message had a bound value removed. */
  static final class RedactedDriverError extends R2dbcException {
    private static final long serialVersionUID = 1L;

    RedactedDriverError(String message, String sqlState, int errorCode) {
      super(message, sqlState, errorCode);
    }
  }

  /** Creates the exception for {@code kind}, with the SQL and (if allowed) the bound values. */
  public static SluiceException translate(ErrorKind kind, Throwable error, RenderedSql sql,
      boolean revealBinds, ConstraintInfo info) {
    if (error instanceof SluiceException s) {
      return s;
    }
    ConstraintInfo i = info == null ? ConstraintInfo.NONE : info;
    String message = message(kind, error, sql, revealBinds, i);
    String text = sql == null ? null : sql.sql();
    return switch (kind) {
      case UNIQUE -> new UniqueViolationException(message, error, text, i.table(), i.column(), i.constraint());
      case FOREIGN_KEY -> new ForeignKeyViolationException(message, error, text, i.table(), i.column(), i.constraint());
      case NOT_NULL -> new NotNullViolationException(message, error, text, i.table(), i.column(), i.constraint());
      case CHECK -> new CheckViolationException(message, error, text, i.table(), i.column(), i.constraint());
      case SERIALIZATION -> new SerializationFailureException(message, error, text);
      case DEADLOCK -> new DeadlockException(message, error, text);
      case VALUE_TOO_LONG -> new ValueTooLongException(message, error, text, i.table(), i.column());
      case DATA -> new DataException(message, error, text, i.table(), i.column());
      case OTHER -> new SluiceException(message, error, text);
    };
  }

  /** Same as {@link #translate(ErrorKind, Throwable, RenderedSql, boolean, ConstraintInfo)} without details. */
  public static SluiceException translate(ErrorKind kind, Throwable error, RenderedSql sql,
      boolean revealBinds) {
    return translate(kind, error, sql, revealBinds, ConstraintInfo.NONE);
  }

  private static String message(ErrorKind kind, Throwable error, RenderedSql sql,
      boolean revealBinds, ConstraintInfo i) {
    StringBuilder m = new StringBuilder();
    m.append(switch (kind) {
      case UNIQUE -> "Unique constraint violated";
      case FOREIGN_KEY -> "Foreign key constraint violated";
      case NOT_NULL -> "Null value in a NOT NULL column";
      case CHECK -> "Check constraint violated";
      case SERIALIZATION -> "Serialization failure";
      case DEADLOCK -> "Deadlock detected";
      case VALUE_TOO_LONG -> "Value too long for its column";
      case DATA -> "Value refused";
      case OTHER -> "Statement failed";
    });
    if (i.table() != null) {
      m.append(" on table ").append(i.table());
    }
    if (i.column() != null) {
      m.append(", column ").append(i.column());
    }
    if (i.constraint() != null) {
      m.append(" (constraint ").append(i.constraint()).append(')');
    }
    m.append(": ").append(error.getMessage());
    String state = sqlState(error);
    if (state != null) {
      m.append(" [SQLSTATE ").append(state).append(']');
    }
    if (sql != null) {
      m.append("\n  SQL: ").append(sql.sql());
      if (!sql.binds().isEmpty()) {
        m.append("\n  binds: ");
        m.append(revealBinds ? String.valueOf(sql.values())
            : "[" + sql.binds().size() + " values redacted]");
      }
    }
    return m.toString();
  }
}
