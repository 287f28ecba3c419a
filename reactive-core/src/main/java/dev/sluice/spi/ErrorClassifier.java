package dev.sluice.spi;

import dev.sluice.error.SluiceException;
import dev.sluice.sql.RenderedSql;
import java.util.Locale;

/**
 * Turns a driver error into Sluice's typed exception: {@link #classify} tells its {@link ErrorKind},
 * {@link #constraintInfo} what the message says of the table, column and constraint, and
 * {@link ErrorTranslator} builds the exception. The standard version reads the SQLSTATE, then the
 * R2DBC exception type; a dialect overrides the hooks for its own codes and messages and hands its
 * subclass out from {@link StandardDialect#newErrorClassifier()}. Stateless.
 */
public class ErrorClassifier {

  /** The typed exception for {@code error}, naming the SQL that failed. */
  protected SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    return ErrorTranslator.translate(classify(error), error, sql, revealBinds, constraintInfo(error));
  }

  /**
   * Classifies a driver error; the standard version reads the SQLSTATE, then the R2DBC exception
   * type, and tells a statement timeout from another cancel by the message.
   */
  protected ErrorKind classify(Throwable error) {
    String state = ErrorTranslator.sqlState(error);
    ErrorKind kind = state == null ? ErrorKind.OTHER : classifyState(state);
    if (kind == ErrorKind.OTHER) {
      kind = ErrorKind.fromDriverType(error);
    }
    if (kind == ErrorKind.QUERY_CANCELLED && String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT)
        .contains("timeout")) {
      return ErrorKind.QUERY_TIMEOUT;
    }
    return kind;
  }

  /** Classifies a SQLSTATE: the standard codes here ({@link ErrorKind#fromSqlState}); a dialect adds its own. */
  protected ErrorKind classifyState(String state) {
    return ErrorKind.fromSqlState(state);
  }

  /**
   * True when {@code error} means the connection is gone (the pool must replace it): SQLSTATE class
   * 08, a non-transient resource error without an error number (a closed connection), an I/O error
   * from the transport. A dialect adds its own codes (PostgreSQL's 57P01..03).
   */
  protected boolean isConnectionLost(Throwable error) {
    return ErrorTranslator.connectionLost(error, state -> false);
  }

  /** What the driver error says about the broken constraint; the standard version knows nothing. */
  protected ConstraintInfo constraintInfo(Throwable error) {
    return ConstraintInfo.NONE;
  }
}
