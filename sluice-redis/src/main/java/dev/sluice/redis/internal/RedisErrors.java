package dev.sluice.redis.internal;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.QueryTimeoutException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.UncategorizedDatabaseException;
import dev.sluice.redis.RedisBusyException;
import dev.sluice.redis.RedisCommandException;
import dev.sluice.redis.RedisUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.util.Set;

/** Lettuce's exceptions translated into Sluice's taxonomy; {@code command} names the command and key family, no value. */
public final class RedisErrors {
  private static final Set<String> BUSY = Set.of("BUSY", "LOADING", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN");

  private RedisErrors() {}

  public static Throwable translate(Throwable e, String command) {
    if (e instanceof SluiceException) {
      return e;
    }
    if (e instanceof RedisCommandTimeoutException) {
      return new QueryTimeoutException("Redis command " + command + " timed out: " + e.getMessage(), e, command);
    }
    if (e instanceof RedisCommandExecutionException) {
      String message = String.valueOf(e.getMessage());
      int space = message.indexOf(' ');
      String code = space > 0 ? message.substring(0, space) : message;
      if (BUSY.contains(code)) {
        return new RedisBusyException("Redis could not serve " + command + " now: " + message, e, command);
      }
      return new RedisCommandException("Redis refused " + command + ": " + message, e, command, code);
    }
    if (e instanceof RedisConnectionException) {
      return new RedisUnavailableException("Cannot connect to Redis for " + command + ": " + e.getMessage(), e, command);
    }
    if (isConnectionLoss(e)) {
      return lost(command, e);
    }
    if (e instanceof RedisException) {
      return new UncategorizedDatabaseException("Redis failed " + command + ": " + e.getMessage(), e, command);
    }
    return e;
  }

  /** The connection broke while the command was sent or awaited: it may or may not have run. */
  public static ConnectionLostException lost(String command, Throwable cause) {
    return new ConnectionLostException("The Redis connection was lost during " + command
        + "; the command may or may not have run", cause, command);
  }

  private static boolean isConnectionLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
      String m = t.getMessage();
      if (t instanceof RedisException && m != null
          && (m.startsWith("Connection closed") || m.startsWith("Connection disconnected")
              || m.startsWith("Currently not connected") || m.contains("Connection reset"))) {
        return true;
      }
    }
    return false;
  }
}
