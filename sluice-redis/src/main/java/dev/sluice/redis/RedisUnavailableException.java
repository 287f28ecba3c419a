package dev.sluice.redis;

import dev.sluice.error.TransientResourceException;

/**
 * No connection to Redis could be opened (refused, unreachable, authentication timed out). Nothing
 * was sent; the next command tries to connect again.
 */
public class RedisUnavailableException extends TransientResourceException {
  public RedisUnavailableException(String message, Throwable cause, String command) {
    super(message, cause, command);
  }
}
