package dev.sluice.error;

/**
 * The database cancelled the running statement (PostgreSQL 57014, MySQL 1317, SQLite
 * {@code SQLITE_INTERRUPT}): a statement timeout, or an administrator's cancel. Nothing the
 * statement wrote was kept.
 */
public class QueryCancelledException extends TransientDataException {
  public QueryCancelledException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
