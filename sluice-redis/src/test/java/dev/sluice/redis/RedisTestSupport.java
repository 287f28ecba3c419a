package dev.sluice.redis;

import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The local Redis of the integration tests (127.0.0.1:6379, started by {@code scripts/services.sh}).
 * Each test class gets a store under a prefix of its own, named after the run and the class, so two
 * runs on one machine never touch each other's keys; {@link #cleanUp} removes the class's keys.
 * Unreachable Redis is a visible skip, and a failure under {@code CI=true}.
 */
final class RedisTestSupport {
  static final String HOST = "127.0.0.1";
  static final int PORT = 6379;
  static final String URI = "redis://" + HOST + ":" + PORT;
  /** This JVM's run id. */
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private RedisTestSupport() {}

  /** A store under {@code sluice-it:<run>:<class>:}, or a skip (a failure under CI) when Redis is unreachable. */
  static RedisStore store(Class<?> testClass) {
    requireTcp(HOST, PORT, "Redis");
    return RedisStore.connect(URI).withPrefix(prefix(testClass));
  }

  static String prefix(Class<?> testClass) {
    return "sluice-it:" + RUN + ":" + testClass.getSimpleName() + ":";
  }

  static void requireTcp(String host, int port, String what) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
    } catch (IOException e) {
      String message = what + " is not reachable at " + host + ":" + port + " (scripts/services.sh starts it): " + e;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  /** Deletes every key under the class's prefix (SCAN, never KEYS); how many. */
  static long cleanUp(Class<?> testClass) {
    RedisClient client = RedisClient.create(URI);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      long deleted = 0;
      ScanArgs match = ScanArgs.Builder.matches(prefix(testClass) + "*").limit(500);
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = c.sync().scan(cursor, match);
        if (!page.getKeys().isEmpty()) {
          deleted += c.sync().del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
      return deleted;
    } finally {
      client.shutdown();
    }
  }

  /** A raw synchronous connection for checks the store does not offer (test thread only). */
  static <T> T raw(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> f) {
    RedisClient client = RedisClient.create(URI);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return f.apply(c.sync());
    } finally {
      client.shutdown();
    }
  }
}
