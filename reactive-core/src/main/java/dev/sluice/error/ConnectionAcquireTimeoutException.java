package dev.sluice.error;

import java.time.Duration;

/**
 * No pooled connection became free within the acquire timeout: more concurrent work than the pool
 * has connections. Names the pool size (when known) and the timeout.
 *
 * <pre>{@code
 * Database db = Database.builder().url(url).poolSize(20).acquireTimeout(Duration.ofSeconds(5)).build();
 * db.selectFrom(CITIES).fetch()
 *     .onErrorResume(ConnectionAcquireTimeoutException.class, e -> Flux.empty()); // shed load
 * }</pre>
 */
public class ConnectionAcquireTimeoutException extends TransientResourceException {
  private final int poolSize;
  private final Duration timeout;

  public ConnectionAcquireTimeoutException(String message, Throwable cause, int poolSize,
      Duration timeout) {
    super(message, cause, null);
    this.poolSize = poolSize;
    this.timeout = timeout;
  }

  /** The most connections the pool holds, or -1 when unknown. */
  public int poolSize() { return poolSize; }

  /** The acquire timeout that expired, or null when unknown. */
  public Duration timeout() { return timeout; }
}
