package dev.sluice.redis;

import dev.sluice.error.NonTransientDataException;

/**
 * Redis refused a command and would refuse it again: a value of the wrong type at the key
 * ({@code WRONGTYPE}), a value that is not a number for {@code INCR}, an error raised by a Lua
 * script. {@link #errorCode()} is Redis's own error prefix; {@link #sql()} names the command and the
 * key family (never a value).
 *
 * <pre>{@code
 * redis.counter(VISITS).increment("home")
 *     .onErrorResume(RedisCommandException.class, e -> e.errorCode().equals("WRONGTYPE") ? Mono.just(0L) : Mono.error(e));
 * }</pre>
 */
public class RedisCommandException extends NonTransientDataException {
  private final String errorCode;

  public RedisCommandException(String message, Throwable cause, String command, String errorCode) {
    super(message, cause, command);
    this.errorCode = errorCode;
  }

  /** Redis's error prefix: {@code ERR}, {@code WRONGTYPE}, {@code NOSCRIPT}, ... */
  public String errorCode() { return errorCode; }
}
