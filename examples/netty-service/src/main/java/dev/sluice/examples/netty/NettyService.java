package dev.sluice.examples.netty;

import static dev.sluice.examples.netty.Items.ITEMS;

import dev.sluice.Database;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A plain Reactor Netty HTTP server with Sluice, no Spring. {@code main} takes an R2DBC URL and a
 * port: {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test 8080} by default.
 */
public final class NettyService implements AutoCloseable {
  private final ConnectionPool pool;
  private final Database db;
  private final DisposableServer server;

  private NettyService(ConnectionPool pool, Database db, DisposableServer server) {
    this.pool = pool;
    this.db = db;
    this.server = server;
  }

  /**
   * Opens a pool of up to 10 connections on {@code url}, creates the table if it does not exist and
   * serves on {@code port} of 127.0.0.1 (0 for any free port). Blocks the calling thread until the
   * server is bound: call it from {@code main} or a test, never from a Reactor thread.
   */
  public static NettyService start(String url, int port) {
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(url))
        .initialSize(0).maxSize(10).maxAcquireTime(Duration.ofSeconds(10)).build());
    Database db = Database.builder().connectionFactory(pool).pooled(false).fetchSize(500).build();
    db.createTables(ITEMS).block(Duration.ofSeconds(30));
    DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
        .route(new ItemRoutes(db))
        .bindNow(Duration.ofSeconds(30));
    return new NettyService(pool, db, server);
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The database the routes use. */
  public Database database() {
    return db;
  }

  /** Connections handed out by the pool right now. */
  public int acquiredConnections() {
    return pool.getMetrics().map(m -> m.acquiredSize()).orElse(0);
  }

  /** Stops the server, then closes the pool. */
  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(10));
    Mono.from(pool.disposeLater()).block(Duration.ofSeconds(10));
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
    NettyService service = start(url, port);
    System.out.println("Listening on 127.0.0.1:" + service.port() + " (GET /items, /items/{id}, /items/stream; POST /items)");
    service.server.onDispose().block();
  }
}
