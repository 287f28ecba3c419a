package dev.sluice;

import dev.sluice.error.TransactionTimeoutException;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a transaction runs: isolation level, read-only, a timeout and a retry policy. Immutable;
 * every method returns a new instance, so options can be kept in constants.
 *
 * <pre>{@code
 * static final TxOptions TRANSFER = TxOptions.isolation(IsolationLevel.SERIALIZABLE)
 *     .timeout(Duration.ofSeconds(5))
 *     .retry(RetryPolicy.onTransientFailures(3, Duration.ofMillis(20)));
 *
 * db.inTransaction(TRANSFER, tx -> debit(tx, a).then(credit(tx, b)));
 * db.inTransaction(TxOptions.defaults().readOnly(), tx -> report(tx));
 * }</pre>
 *
 * <ul>
 *   <li>The isolation level and read-only go to the driver as an R2DBC {@link TransactionDefinition}
 *       ({@code ISOLATION_LEVEL}, {@code READ_ONLY}).
 *   <li>The timeout bounds the whole body and the caller's wait: when it expires, the statement
 *       running then is cancelled on the server (PostgreSQL's cancel request, {@code KILL QUERY} on
 *       MariaDB and MySQL, an interrupt on SQLite; H2 cannot), the body is cancelled, the
 *       transaction rolled back and {@link TransactionTimeoutException} signalled, within a few
 *       tens of milliseconds of the limit. It is also passed to the driver as
 *       {@code LOCK_WAIT_TIMEOUT} (drivers that do not know it ignore it). For a limit per
 *       statement, see {@link QueryTimeout}.
 *   <li>The retry policy (off by default) runs the whole body again in a fresh transaction after a
 *       serialization failure or a deadlock.
 * </ul>
 *
 * <p>Options apply to the outermost transaction; a nested {@code inTransaction} is a savepoint of
 * its enclosing transaction and only its timeout is honoured.
 */
public final class TxOptions {
  private static final TxOptions DEFAULTS = new TxOptions(null, false, null, RetryPolicy.none());

  private final IsolationLevel isolation;
  private final boolean readOnly;
  private final Duration timeout;
  private final RetryPolicy retry;

  private TxOptions(IsolationLevel isolation, boolean readOnly, Duration timeout, RetryPolicy retry) {
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.timeout = timeout;
    this.retry = retry;
  }

  /** The database's default isolation, read-write, no timeout, no retry. */
  public static TxOptions defaults() { return DEFAULTS; }

  /** Defaults at an isolation level: {@code TxOptions.isolation(IsolationLevel.SERIALIZABLE)}. */
  public static TxOptions isolation(IsolationLevel level) {
    return DEFAULTS.withIsolation(level);
  }

  /** These options at another isolation level. */
  public TxOptions withIsolation(IsolationLevel level) {
    return new TxOptions(Objects.requireNonNull(level, "level"), readOnly, timeout, retry);
  }

  /** These options, read-only. */
  public TxOptions readOnly() {
    return new TxOptions(isolation, true, timeout, retry);
  }

  /** These options with a timeout for the whole body (must be positive). */
  public TxOptions timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new TxOptions(isolation, readOnly, timeout, retry);
  }

  /** These options with a retry policy; {@link RetryPolicy#none()} turns retrying off. */
  public TxOptions retry(RetryPolicy policy) {
    return new TxOptions(isolation, readOnly, timeout, Objects.requireNonNull(policy, "policy"));
  }

  /** The isolation level, or empty for the database's default. */
  public Optional<IsolationLevel> isolationLevel() { return Optional.ofNullable(isolation); }

  /** True for a read-only transaction. */
  public boolean isReadOnly() { return readOnly; }

  /** The timeout of the body, or empty for none. */
  public Optional<Duration> timeoutDuration() { return Optional.ofNullable(timeout); }

  /** The retry policy ({@link RetryPolicy#none()} by default). */
  public RetryPolicy retryPolicy() { return retry; }

  /** True when nothing differs from the driver's plain {@code beginTransaction()}. */
  public boolean isPlainBegin() { return isolation == null && !readOnly && timeout == null; }

  /** The R2DBC transaction definition these options stand for. */
  public TransactionDefinition toDefinition() {
    Map<io.r2dbc.spi.Option<?>, Object> attributes = new LinkedHashMap<>();
    if (isolation != null) {
      attributes.put(TransactionDefinition.ISOLATION_LEVEL, isolation);
    }
    if (readOnly) {
      attributes.put(TransactionDefinition.READ_ONLY, Boolean.TRUE);
    }
    if (timeout != null) {
      attributes.put(TransactionDefinition.LOCK_WAIT_TIMEOUT, timeout);
    }
    return new Definition(Map.copyOf(attributes));
  }

  private record Definition(Map<io.r2dbc.spi.Option<?>, Object> attributes) implements TransactionDefinition {
    @SuppressWarnings("unchecked")
    @Override public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
      return (T) attributes.get(option);
    }
  }

  /** These options as execution takes them (not API). */
  dev.sluice.internal.TxSpec spec() {
    return new dev.sluice.internal.TxSpec(isPlainBegin() ? null : toDefinition(), timeout,
        retry.isNone() ? null : retry.toRetry());
  }

  @Override public boolean equals(Object o) {
    return o instanceof TxOptions t && Objects.equals(isolation, t.isolation) && readOnly == t.readOnly
        && Objects.equals(timeout, t.timeout) && retry.equals(t.retry);
  }

  @Override public int hashCode() { return Objects.hash(isolation, readOnly, timeout, retry); }

  @Override public String toString() {
    return "TxOptions[isolation=" + (isolation == null ? "default" : isolation.asSql())
        + ", readOnly=" + readOnly + ", timeout=" + timeout + ", retry=" + retry + "]";
  }
}
