package dev.sluice.error;

import java.time.Duration;

/**
 * A statement ran past its time limit: Sluice's {@link dev.sluice.QueryTimeout} (then it was cancelled on the
 * server where the database allows it, and the caller stopped waiting), or the database's own limit
 * (PostgreSQL's {@code statement_timeout}, MySQL's {@code MAX_EXECUTION_TIME} (3024), MariaDB's
 * {@code max_statement_time} (1969), a driver's query timeout). Transient: the same statement may
 * succeed on a less loaded server or with a longer timeout. Inside a transaction, the transaction
 * goes on (on PostgreSQL it can then only roll back; MariaDB, MySQL and SQLite keep its earlier work).
 *
 * <pre>{@code
 * db.selectFrom(REPORTS).fetch()
 *     .contextWrite(QueryTimeout.of(Duration.ofSeconds(2)))
 *     .onErrorResume(QueryTimeoutException.class, e -> Flux.empty());
 * }</pre>
 */
public class QueryTimeoutException extends QueryCancelledException {
  private final Duration timeout;

  /** Sluice's own {@link dev.sluice.QueryTimeout} expired. */
  public QueryTimeoutException(Duration timeout, String sql) {
    super("Statement timed out after " + timeout.toMillis() + " ms and was cancelled", null, sql);
    this.timeout = timeout;
  }

  /** The database reported a statement timeout. */
  public QueryTimeoutException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
    this.timeout = null;
  }

  /** The timeout that expired, or null when the database's own limit did (its value unknown here). */
  public Duration timeout() { return timeout; }
}
