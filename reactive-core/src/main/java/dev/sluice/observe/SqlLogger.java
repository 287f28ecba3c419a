package dev.sluice.observe;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs statements through SLF4J, on the logger {@code dev.sluice.sql} (or one you name): each
 * statement at DEBUG when it ends, with its duration and row count; a statement slower than the
 * threshold at WARN, whatever the level; a failure at DEBUG (the caller gets the error). Bound
 * values appear only with {@link Builder#withBinds(boolean)} and when the {@code Database} lets
 * observers see them ({@code DatabaseBuilder.observeBinds(true)}); otherwise each is {@code ?}.
 *
 * <pre>{@code
 * Database db = Database.builder().url(url)
 *     .observer(SqlLogger.builder().slowerThan(Duration.ofMillis(250)).build())
 *     .build();
 * // DEBUG dev.sluice.sql - postgresql SELECT users 'userById' 1 row in 0.8 ms: SELECT "id", ... WHERE "id" = $1
 * // WARN  dev.sluice.sql - slow: postgresql SELECT readings 100000 rows in 912.4 ms: SELECT ...
 * }</pre>
 */
public final class SqlLogger implements QueryObserver {
  private final Logger log;
  private final Duration slow;
  private final boolean binds;

  private SqlLogger(Builder b) {
    this.log = b.logger;
    this.slow = b.slow;
    this.binds = b.binds;
  }

  /** A logger on {@code dev.sluice.sql}, without a slow-statement threshold and without values. */
  public static Builder builder() {
    return new Builder();
  }

  @Override public Finish statement(StatementEvent event) {
    if (slow == null && !log.isDebugEnabled()) {
      return Finish.NOTHING;
    }
    return new Finish() {
      @Override public void succeeded(long rows, Duration elapsed) {
        ended(event, rows, elapsed, "");
      }

      @Override public void failed(Throwable error, Duration elapsed) {
        if (log.isDebugEnabled()) {
          log.debug("{} failed after {}: {} ({})", head(event), ms(elapsed), text(event), error.toString());
        }
      }

      @Override public void cancelled(long rows, Duration elapsed) {
        ended(event, rows, elapsed, ", cancelled");
      }
    };
  }

  private void ended(StatementEvent event, long rows, Duration elapsed, String how) {
    if (slow != null && elapsed.compareTo(slow) >= 0) {
      log.warn("slow: {} {} {} in {}{}: {}", head(event), rows, rows == 1 ? "row" : "rows", ms(elapsed), how,
          text(event));
    } else if (log.isDebugEnabled()) {
      log.debug("{} {} {} in {}{}: {}", head(event), rows, rows == 1 ? "row" : "rows", ms(elapsed), how, text(event));
    }
  }

  private static String head(StatementEvent e) {
    return e.database() + " " + e.operation() + (e.table() == null ? "" : " " + e.table())
        + (e.name() == null ? "" : " '" + e.name() + "'")
        + (e.transactionId() == null ? "" : " tx" + e.transactionId());
  }

  private String text(StatementEvent e) {
    return binds && !e.binds().isEmpty() ? e.sql() + " " + e.binds() : e.sql();
  }

  private static String ms(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f ms", d.toNanos() / 1_000_000.0);
  }

  /** Options of a {@link SqlLogger}. */
  public static final class Builder {
    private Logger logger = LoggerFactory.getLogger("dev.sluice.sql");
    private Duration slow;
    private boolean binds;

    private Builder() { }

    /** Statements that take at least {@code threshold} are logged at WARN. */
    public Builder slowerThan(Duration threshold) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative()) {
        throw new IllegalArgumentException("The slow-statement threshold must not be negative: " + threshold);
      }
      this.slow = threshold;
      return this;
    }

    /** Appends the bound values (as the {@code Database} lets observers see them). */
    public Builder withBinds(boolean show) {
      this.binds = show;
      return this;
    }

    /** Logs on {@code name} instead of {@code dev.sluice.sql}. */
    public Builder logger(String name) {
      this.logger = LoggerFactory.getLogger(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** Logs on {@code logger}. */
    public Builder logger(Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    public SqlLogger build() {
      return new SqlLogger(this);
    }
  }
}
