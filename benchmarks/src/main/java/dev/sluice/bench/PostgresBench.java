package dev.sluice.bench;

import dev.sluice.Database;
import io.r2dbc.pool.ConnectionPool;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every PostgreSQL benchmark shares: the run shape (one fork, 3 warm-up and 5 measured
 * iterations; a subclass sets its mode and unit), one pool that Sluice and the raw driver both use,
 * a Sluice {@link Database} on it, and their disposal after the trial.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public abstract class PostgresBench {
  ConnectionPool pool;
  Database db;
  /** Sluice on the same pool built with {@code fetchSize(0)}, set by {@link #openFilled}. */
  Database dbNoFetchSize;
  /**
   * Binary results, set by {@link #openFilled}: a pool built as {@code Database.connect(url)} builds
   * one (forceBinary and Sluice's decoders) with Sluice on it (default fetch size 0), and the raw
   * driver with {@code forceBinary(true)} alone.
   */
  ConnectionPool binaryPool;
  Database dbBinary;
  ConnectionPool rawBinaryPool;
  /** Sluice on a pool of r2dbc-vertx connections, set by {@link #openVertx}. */
  ConnectionPool vertxPool;
  Database dbVertx;
  /**
   * Sluice on r2dbc-vertx connections pooled by Vert.x's own pool (4), no r2dbc-pool, built
   * {@code pooled(false)}; set by {@link #openVertx}.
   */
  io.r2dbc.spi.ConnectionFactory vertxPooledFactory;
  Database dbVertxPool;
  /** Vert.x's own pool (4 connections) for the raw Vert.x variants, and its Vert.x; set by {@link #open}. */
  io.vertx.core.Vertx vertx;
  io.vertx.sqlclient.Pool rawVertx;

  /** Opens the pool and Sluice on it, streaming with {@code fetchSize} rows per round trip (0: none). */
  void open(int fetchSize) {
    pool = BenchSupport.newPool();
    db = BenchSupport.sluice(pool, fetchSize);
    vertx = io.vertx.core.Vertx.vertx();
    rawVertx = RawVertx.newPool(vertx);
  }

  /**
   * Opens the pool, Sluice streaming 1000 rows per round trip and {@link #dbNoFetchSize} beside it,
   * and creates {@code items} filled with {@code rows} rows: the set-up of the read benchmarks.
   */
  void openFilled(Items items, int rows) {
    open(1000);
    dbNoFetchSize = BenchSupport.sluice(pool, 0);
    binaryPool = BenchSupport.newBinaryPool(true);
    dbBinary = BenchSupport.sluice(binaryPool, 0);
    rawBinaryPool = BenchSupport.newBinaryPool(false);
    openVertx(1000);
    BenchSupport.createAndFill(db, pool, items, rows);
  }

  /**
   * Opens Sluice on r2dbc-vertx, with {@code fetchSize} rows per fetch as the r2dbc-postgresql
   * {@link #db} beside it: {@link #dbVertx} under r2dbc-pool and {@link #dbVertxPool} on Vert.x's
   * own pool ({@code ?poolSize=4}, {@code pooled(false)}).
   */
  void openVertx(int fetchSize) {
    vertxPool = BenchSupport.newVertxPool();
    dbVertx = BenchSupport.sluice(vertxPool, fetchSize);
    vertxPooledFactory = BenchSupport.newVertxPooledFactory();
    dbVertxPool = BenchSupport.sluiceSelfPooled(vertxPooledFactory, fetchSize);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchSupport.dispose(db, pool);
    BenchSupport.dispose(dbBinary, binaryPool);
    BenchSupport.dispose(null, rawBinaryPool);
    BenchSupport.dispose(dbVertx, vertxPool);
    if (dbVertxPool != null) {
      dbVertxPool.close().block();
      reactor.core.publisher.Mono.from(((io.r2dbc.spi.Closeable) vertxPooledFactory).close()).block();
    }
    if (rawVertx != null) {
      rawVertx.close().await();
      vertx.close().await();
    }
  }
}
