package dev.sluice.error;

import java.time.Duration;

/**
 * A transaction body ran longer than its {@link dev.sluice.TxOptions#timeout(Duration) timeout}; it was
 * cancelled and the transaction rolled back.
 *
 * <pre>{@code
 * db.inTransaction(TxOptions.defaults().timeout(Duration.ofSeconds(2)), tx -> slowWork(tx))
 *     .onErrorResume(TransactionTimeoutException.class, e -> Flux.empty());
 * }</pre>
 */
public class TransactionTimeoutException extends TransientDataException {
  private final Duration timeout;

  public TransactionTimeoutException(Duration timeout) {
    super("Transaction timed out after " + timeout.toMillis() + " ms and was rolled back", null, null);
    this.timeout = timeout;
  }

  /** The timeout that expired. */
  public Duration timeout() { return timeout; }
}
