package dev.sluice.redis;

import dev.sluice.error.ConcurrencyFailureException;

/**
 * {@code EXEC} ran nothing because a watched key changed after {@code WATCH}: another client won.
 * Run the whole transaction again (it is cold), e.g.
 * {@code .retryWhen(Retry.max(5).filter(RedisTransactionAbortedException.class::isInstance))}.
 */
public class RedisTransactionAbortedException extends ConcurrencyFailureException {
  public RedisTransactionAbortedException(String message) {
    super(message, null, "EXEC");
  }
}
