package dev.sluice.studio;

import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

/** A running studio: where it listens, its mode, and how to stop it. It does not close the database. */
public final class StudioServer implements AutoCloseable {
  private final DisposableServer server;
  private final String host;
  private final boolean writable;
  private final String token;

  StudioServer(DisposableServer server, String host, boolean writable, String token) {
    this.server = server;
    this.host = host;
    this.writable = writable;
    this.token = token;
  }

  /** The port it listens on (the one the system chose when the studio was asked for port 0). */
  public int port() { return server.port(); }

  /** The page's address, e.g. {@code http://127.0.0.1:7878/}. */
  public String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  /** True when the studio edits rows ({@code --write}); false when it refuses every write with 403. */
  public boolean writable() { return writable; }

  /**
   * This run's write token, which the page sends as {@code X-Sluice-Studio-Token}: for clients of
   * the API in the same process (tests); the page gets it written in.
   */
  public String token() { return token; }

  /** Completes when the server has stopped. */
  public Mono<Void> onClose() { return server.onDispose(); }

  /** Stops listening and waits (up to 10 s) for open requests: blocking, so never on a Reactor thread. */
  @Override public void close() {
    server.disposeNow(Duration.ofSeconds(10));
  }
}
