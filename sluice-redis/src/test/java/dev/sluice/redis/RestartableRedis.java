package dev.sluice.redis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A redis-server of the test's own on a free port, which the test kills ({@code SIGKILL}) and
 * starts again; the shared Redis on 6379 is never touched. No persistence: a restarted server is
 * empty. Without a {@code redis-server} binary the test is skipped (a failure under {@code CI=true}).
 */
final class RestartableRedis implements AutoCloseable {
  final int port;
  private final Path pidFile;

  private RestartableRedis(int port) {
    this.port = port;
    this.pidFile = Path.of(System.getProperty("java.io.tmpdir"), "sluice-redis-" + port + ".pid");
  }

  static RestartableRedis start() {
    RestartableRedis r = new RestartableRedis(freePort());
    r.startServer();
    return r;
  }

  String uri() { return "redis://127.0.0.1:" + port; }

  void startServer() {
    try {
      Process p = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", pidFile.toString(),
          "--dir", System.getProperty("java.io.tmpdir"))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        fail("redis-server on port " + port + " did not start");
      }
    } catch (IOException e) {
      String message = "redis-server cannot be run (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        sleep(50);
      }
    }
    fail("redis-server on port " + port + " did not accept connections");
  }

  /** SIGKILL, then waits until the process is gone. */
  void kill() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle.of(pid).ifPresent(h -> {
        h.destroyForcibly();
        h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
      });
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new IllegalStateException("no pid file for the redis-server on port " + port, e);
    }
  }

  @Override public void close() {
    if (Files.exists(pidFile)) {
      kill();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
