package dev.sluice.spi;

import dev.sluice.error.BadSqlException;
import dev.sluice.error.CheckViolationException;
import dev.sluice.error.ConstraintViolationException;
import dev.sluice.error.DataException;
import dev.sluice.error.DeadlockException;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.NotNullViolationException;
import dev.sluice.error.PermissionDeniedException;
import dev.sluice.error.QueryCancelledException;
import dev.sluice.error.QueryTimeoutException;
import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.TransientResourceException;
import dev.sluice.error.UncategorizedDatabaseException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.error.ValueTooLongException;
import dev.sluice.sql.Bind;
import dev.sluice.sql.RenderedSql;
import io.r2dbc.spi.R2dbcException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the typed exception and its message for a classified driver error. It is also the one
 * place where bound values are kept out of errors: unless values may be revealed, the driver error
 * is not attached as it is (its message, its details and its own causes may quote a value) but as
 * a {@link RedactedDriverError} that keeps its class name, SQLSTATE, error code and stack trace,
 * with every bound value cut out of its message.
 */
public final class ErrorTranslator {
  private static final String REDACTED = "<redacted>";

  private ErrorTranslator() {}

  /**
   * True for errors that mean the connection is gone: SQLSTATE class 08 or one {@code alsoLost}
   * accepts, a non-transient resource error without a SQLSTATE or error number (a closed
   * connection), or an I/O error from the transport.
   */
  public static boolean connectionLost(Throwable error, java.util.function.Predicate<String> alsoLost) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException r) {
        String state = r.getSqlState();
        if (state != null) {
          return state.startsWith("08") || alsoLost.test(state);
        }
        if (r instanceof io.r2dbc.spi.R2dbcNonTransientResourceException && r.getErrorCode() == 0) {
          return true; // a server's error (r2dbc-mysql: [1406] without SQLSTATE) has its error number
        }
      }
      if (t instanceof java.io.IOException || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

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
   * {@code error} with its message replaced by {@code safeMessage} (a value the dialect knows its
   * database quotes, cut out), keeping its SQLSTATE, error code and stack trace, and no cause.
   */
  public static R2dbcException redacted(R2dbcException error, String safeMessage) {
    if (safeMessage.equals(error.getMessage()) && error.getCause() == null) {
      return error;
    }
    R2dbcException r = new RedactedDriverError(error instanceof RedactedDriverError d ? d.origin
        : error.getClass().getName(), safeMessage, error.getSqlState(), error.getErrorCode());
    r.setStackTrace(error.getStackTrace());
    return r;
  }

  /**
   * The driver error as it may be attached to a Sluice exception: itself when values may be
   * revealed, else a {@link RedactedDriverError} standing for the whole chain, whose message is the
   * driver's with every bound value of {@code sql} cut out.
   */
  public static Throwable safeCause(Throwable error, RenderedSql sql, boolean revealBinds) {
    if (revealBinds || error == null) {
      return error;
    }
    R2dbcException driver = firstDriverError(error);
    Throwable source = driver == null ? error : driver;
    String origin = source instanceof RedactedDriverError r ? r.origin : source.getClass().getName();
    RedactedDriverError r = new RedactedDriverError(origin, scrub(String.valueOf(source.getMessage()), sql),
        driver == null ? null : driver.getSqlState(), driver == null ? 0 : driver.getErrorCode());
    r.setStackTrace(source.getStackTrace());
    return r;
  }

  /** {@code message} with the text of every bound value of {@code sql} replaced by {@code <redacted>}. */
  public static String scrub(String message, RenderedSql sql) {
    if (message == null || sql == null) {
      return message;
    }
    String m = message;
    for (Bind b : sql.binds()) {
      m = cutValue(m, b.value());
    }
    return m;
  }

  private static String cutValue(String message, Object v) {
    if (v == null || v instanceof Boolean || v instanceof byte[] || v instanceof java.nio.ByteBuffer) {
      return message;
    }
    if (v.getClass().isArray()) {
      String m = message;
      for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
        m = cutValue(m, java.lang.reflect.Array.get(v, i));
      }
      return m;
    }
    String text = String.valueOf(v);
    return text.isEmpty() ? message : cut(message, text);
  }

  /**
   * Cuts {@code value} out of {@code message}: anywhere when it is 4 characters or longer, else only
   * where it stands quoted or bracketed (a short value such as {@code 1} would otherwise cut numbers
   * out of the message that are not the value).
   */
  private static String cut(String message, String value) {
    if (value.length() >= 4) {
      return message.replace(value, REDACTED);
    }
    Pattern p = Pattern.compile("(['\"(=\\[]\\s*)" + Pattern.quote(value) + "(\\s*['\")\\],])");
    return p.matcher(message).replaceAll("$1" + Matcher.quoteReplacement(REDACTED) + "$2");
  }

  private static R2dbcException firstDriverError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException r) {
        return r;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * A driver error whose message had the bound values removed; it stands for the original driver
   * error (named in its message) and its causes.
   */
  public static final class RedactedDriverError extends R2dbcException {
    private static final long serialVersionUID = 1L;
    private final String origin;

    RedactedDriverError(String origin, String message, String sqlState, int errorCode) {
      super(message, sqlState, errorCode);
      this.origin = origin;
    }

    /** The class name of the driver error this one stands for. */
    public String origin() { return origin; }

    @Override public String toString() {
      return getClass().getName() + " (from " + origin + "): " + getMessage();
    }
  }

  /** Creates the exception for {@code kind}, with the SQL and (if allowed) the bound values. */
  public static SluiceException translate(ErrorKind kind, Throwable error, RenderedSql sql,
      boolean revealBinds, ConstraintInfo info) {
    if (error instanceof SluiceException s) {
      return s;
    }
    ConstraintInfo i = info == null ? ConstraintInfo.NONE : info;
    Throwable cause = safeCause(error, sql, revealBinds);
    String message = message(kind, cause, sql, revealBinds, i);
    String text = sql == null ? null : sql.sql();
    return switch (kind) {
      case UNIQUE -> new UniqueViolationException(message, cause, text, i.table(), i.column(), i.constraint());
      case FOREIGN_KEY -> new ForeignKeyViolationException(message, cause, text, i.table(), i.column(), i.constraint());
      case NOT_NULL -> new NotNullViolationException(message, cause, text, i.table(), i.column(), i.constraint());
      case CHECK -> new CheckViolationException(message, cause, text, i.table(), i.column(), i.constraint());
      case CONSTRAINT -> new ConstraintViolationException(message, cause, text, i.table(), i.column(), i.constraint());
      case SERIALIZATION -> new SerializationFailureException(message, cause, text);
      case DEADLOCK -> new DeadlockException(message, cause, text);
      case LOCK_NOT_AVAILABLE -> new LockNotAvailableException(message, cause, text);
      case QUERY_CANCELLED -> new QueryCancelledException(message, cause, text);
      case QUERY_TIMEOUT -> new QueryTimeoutException(message, cause, text);
      case VALUE_TOO_LONG -> new ValueTooLongException(message, cause, text, i.table(), i.column());
      case DATA -> new DataException(message, cause, text, i.table(), i.column());
      case BAD_SQL -> new BadSqlException(message, cause, text);
      case PERMISSION_DENIED -> new PermissionDeniedException(message, cause, text);
      case TRANSIENT_RESOURCE -> new TransientResourceException(message, cause, text);
      case OTHER -> new UncategorizedDatabaseException(message, cause, text);
    };
  }

  /** Same as {@link #translate(ErrorKind, Throwable, RenderedSql, boolean, ConstraintInfo)} without details. */
  public static SluiceException translate(ErrorKind kind, Throwable error, RenderedSql sql,
      boolean revealBinds) {
    return translate(kind, error, sql, revealBinds, ConstraintInfo.NONE);
  }

  private static String message(ErrorKind kind, Throwable cause, RenderedSql sql,
      boolean revealBinds, ConstraintInfo i) {
    StringBuilder m = new StringBuilder();
    m.append(switch (kind) {
      case UNIQUE -> "Unique constraint violated";
      case FOREIGN_KEY -> "Foreign key constraint violated";
      case NOT_NULL -> "Null value in a NOT NULL column";
      case CHECK -> "Check constraint violated";
      case CONSTRAINT -> "Integrity constraint violated";
      case SERIALIZATION -> "Serialization failure";
      case DEADLOCK -> "Deadlock detected";
      case LOCK_NOT_AVAILABLE -> "Lock not available";
      case QUERY_CANCELLED -> "Statement cancelled";
      case QUERY_TIMEOUT -> "Statement timed out";
      case VALUE_TOO_LONG -> "Value too long for its column";
      case DATA -> "Value refused";
      case BAD_SQL -> "Bad SQL";
      case PERMISSION_DENIED -> "Permission denied";
      case TRANSIENT_RESOURCE -> "Database short of resources";
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
    m.append(": ").append(cause.getMessage());
    String state = sqlState(cause);
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
