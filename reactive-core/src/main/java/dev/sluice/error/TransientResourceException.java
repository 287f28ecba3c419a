package dev.sluice.error;

/**
 * A resource the statement needed was briefly unavailable: the connection broke, no pooled
 * connection was free in time, the server ran short of resources (SQLSTATE class 53). Trying again
 * later may succeed; a write in flight when the connection broke may or may not have been
 * committed, so Sluice never retries one by itself.
 */
public class TransientResourceException extends TransientDataException {
  public TransientResourceException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
