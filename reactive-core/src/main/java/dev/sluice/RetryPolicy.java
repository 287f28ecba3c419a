package dev.sluice;

import dev.sluice.error.ConcurrencyFailureException;
import dev.sluice.error.DeadlockException;
import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.SerializationFailureException;
import java.time.Duration;
import java.util.Objects;
import reactor.util.retry.Retry;

/**
 * When to run a whole transaction again. Only {@link ConcurrencyFailureException}s are retried (a
 * {@link SerializationFailureException}, a {@link DeadlockException} or a
 * {@link LockNotAvailableException}): other transient errors (a lost connection, a timeout) may
 * have left a commit in doubt or would only take as long again; every attempt runs the
 * body again from the start in a fresh transaction, so the body must not have side effects outside
 * the database. After the last attempt the last failure is signalled as it is.
 *
 * <pre>{@code
 * TxOptions opts = TxOptions.isolation(IsolationLevel.SERIALIZABLE)
 *     .retry(RetryPolicy.onTransientFailures(3, Duration.ofMillis(20)));
 * db.inTransaction(opts, tx -> transfer(tx, from, to, amount));
 * }</pre>
 *
 * @param maxRetries how many times to try again after the first attempt (0 = never)
 * @param backoff    the first delay; it doubles each retry, with jitter
 */
public record RetryPolicy(int maxRetries, Duration backoff) {
  private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO);

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    Objects.requireNonNull(backoff, "backoff");
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative, was " + backoff);
    }
  }

  /** Never retry (the default). */
  public static RetryPolicy none() { return NONE; }

  /**
   * Retry serialization failures, deadlocks and unavailable locks up to {@code maxRetries} times, waiting
   * {@code backoff}, then twice as long, and so on (with jitter) between attempts.
   */
  public static RetryPolicy onTransientFailures(int maxRetries, Duration backoff) {
    return new RetryPolicy(maxRetries, backoff);
  }

  /** True when this policy never retries. */
  public boolean isNone() { return maxRetries == 0; }

  /** The Reactor {@link Retry} this policy stands for; the last failure is rethrown unchanged. */
  public Retry toRetry() {
    if (backoff.isZero()) {
      return Retry.max(maxRetries).filter(ConcurrencyFailureException.class::isInstance)
          .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
    return Retry.backoff(maxRetries, backoff).filter(ConcurrencyFailureException.class::isInstance)
        .onRetryExhaustedThrow((spec, signal) -> signal.failure());
  }
}
