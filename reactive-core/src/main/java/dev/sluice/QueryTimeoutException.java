package dev.sluice;

/**
 * A statement ran past its time limit and was cancelled on the server (PostgreSQL's
 * {@code statement_timeout}, MySQL's {@code MAX_EXECUTION_TIME} (3024), MariaDB's
 * {@code max_statement_time} (1969), a driver's query timeout).
 */
public class QueryTimeoutException extends QueryCancelledException {
  public QueryTimeoutException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
