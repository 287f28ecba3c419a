package dev.sluice;

import java.time.Duration;

/**
 * A statement ran longer than its {@link QueryTimeout}: it was cancelled on the server where the
 * database allows it, and the caller stopped waiting. Transient: the same statement may succeed on
 * a less loaded server or with a longer timeout. Inside a transaction, the transaction goes on (on
 * PostgreSQL it can then only roll back; MariaDB, MySQL and SQLite keep its earlier work).
 *
 * <pre>{@code
 * db.selectFrom(REPORTS).fetch()
 *     .contextWrite(QueryTimeout.of(Duration.ofSeconds(2)))
 *     .onErrorResume(QueryTimeoutException.class, e -> Flux.empty());
 * }</pre>
 */
public class QueryTimeoutException extends SluiceException {
  private final Duration timeout;

  public QueryTimeoutException(Duration timeout, String sql) {
    super("Statement timed out after " + timeout.toMillis() + " ms and was cancelled", null, sql);
    this.timeout = timeout;
  }

  /** The timeout that expired. */
  public Duration timeout() { return timeout; }
}
