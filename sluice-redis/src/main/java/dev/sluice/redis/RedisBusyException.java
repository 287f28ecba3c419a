package dev.sluice.redis;

import dev.sluice.error.TransientResourceException;

/**
 * Redis could not serve the command now: a script is running too long ({@code BUSY}), the data set
 * is still loading ({@code LOADING}), a cluster slot is moving ({@code TRYAGAIN}). Trying again
 * later may succeed.
 */
public class RedisBusyException extends TransientResourceException {
  public RedisBusyException(String message, Throwable cause, String command) {
    super(message, cause, command);
  }
}
