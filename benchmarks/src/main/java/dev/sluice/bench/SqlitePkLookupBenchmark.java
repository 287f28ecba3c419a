package dev.sluice.bench;

import static dev.sluice.query.Dsl.eq;

import io.r2dbc.spi.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * SQLite point read by primary key mapped to a record, on one temp-file database (WAL): raw
 * sqlite-jdbc (one reused connection and {@code PreparedStatement}, blocking on the caller) against
 * the R2DBC bridge used by hand ({@code Mono.usingWhen(pool.create(), ...)}) and Sluice
 * ({@code fetchOne()}), both on one r2dbc-pool of the bridge. The other variants take the bridge
 * call apart (see the README); {@code rawJdbcOnWorker} is the floor of any bridge that keeps JDBC off
 * the caller's thread: the raw read plus one round trip to a boundedElastic thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SqlitePkLookupBenchmark {
  static final int ROWS = 10_000;
  static final Items ITEMS = new Items("bench_sqlite_items");
  static final String SQL = "SELECT " + BenchSupport.COLUMNS + " FROM bench_sqlite_items WHERE id = ?";

  SqliteSupport s;
  PreparedStatement ps;
  /** One boundedElastic worker (one thread) held for the trial. */
  Scheduler.Worker worker;
  /** One bridge connection taken from the pool for the whole trial. */
  Connection held;

  @Setup(Level.Trial)
  public void setUp() {
    s = new SqliteSupport(ITEMS, ROWS, 1000);
    try {
      ps = s.jdbc.prepareStatement(SQL);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    holdWorkerAndConnection();
  }

  void holdWorkerAndConnection() {
    worker = Schedulers.boundedElastic().createWorker();
    held = BenchSupport.block(Mono.from(s.pool.create()));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    BenchSupport.block(Mono.from(held.close()));
    worker.dispose();
    ps.close();
    s.close();
  }

  static int key() {
    return ThreadLocalRandom.current().nextInt(1, ROWS + 1);
  }

  /** Raw sqlite-jdbc: one connection, one reused {@code PreparedStatement}, on the calling thread. */
  @Benchmark
  public Item rawJdbc() throws SQLException {
    ps.setInt(1, key());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? SqliteSupport.map(rs) : null;
    }
  }

  /** Raw sqlite-jdbc preparing the statement on every call, as the bridge does. */
  @Benchmark
  public Item rawJdbcPrepareEach() throws SQLException {
    try (PreparedStatement p = s.jdbc.prepareStatement(SQL)) {
      p.setInt(1, key());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? SqliteSupport.map(rs) : null;
      }
    }
  }

  /** The bridge by hand: pool acquire, one statement, map the row, release. */
  @Benchmark
  public Item bridge() {
    int k = key();
    return BenchSupport.block(Mono.usingWhen(s.pool.create(),
        c -> Mono.from(c.createStatement(SQL).bind(0, k).execute())
            .flatMap(r -> Mono.from(r.map((row, md) -> BenchSupport.map(row)))),
        Connection::close));
  }

  @Benchmark
  public Item sluice() {
    return BenchSupport.block(s.db.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /** {@link #sluice()} on the bridge with {@code callerRuns}: the JDBC work on this (blocking) thread, no hop. */
  @Benchmark
  public Item sluiceCallerRuns() {
    return BenchSupport.block(s.dbCallerRuns.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /**
   * {@link #sluice()} on the bridge's own pool ({@code poolSize}, {@code callerRuns}; Sluice with
   * {@code pooled(false)}): no r2dbc-pool, no hop, a borrow is a queue poll.
   */
  @Benchmark
  public Item sluiceOwnPool() {
    return BenchSupport.block(s.dbOwnPool.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /** {@link #bridge()} on the bridge's own pool with {@code callerRuns}: borrow, one statement, give back. */
  @Benchmark
  public Item bridgeOwnPool() {
    int k = key();
    return BenchSupport.block(Mono.usingWhen(s.ownPool.create(),
        c -> Mono.from(c.createStatement(SQL).bind(0, k).execute())
            .flatMap(r -> Mono.from(r.map((row, md) -> BenchSupport.map(row)))),
        Connection::close));
  }

  /**
   * {@link #sluice()} on a Database that never looks for a Spring transaction: the difference is
   * what the check costs a query when spring-r2dbc is on the class path but no transaction is active.
   */
  @Benchmark
  public Item sluiceJoinOff() {
    return BenchSupport.block(s.dbJoinOff.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /** Cost floor of a bridge query: pool acquire, {@code SELECT 1} (no table, one int), release. */
  @Benchmark
  public Integer bridgeSelect1() {
    return BenchSupport.block(Mono.usingWhen(s.pool.create(),
        c -> Mono.from(c.createStatement("SELECT 1").execute())
            .flatMap(r -> Mono.from(r.map((row, md) -> row.get(0, Integer.class)))),
        Connection::close));
  }

  /**
   * One bare round trip to {@code Schedulers.boundedElastic()} and back to the blocked caller: what
   * each bridge call pays on top of the JDBC work.
   */
  @Benchmark
  public Integer bareHop() {
    return Mono.fromSupplier(() -> 1).subscribeOn(Schedulers.boundedElastic()).block();
  }

  /** The bridge on one connection held for the trial: no pool acquire/release per read. */
  @Benchmark
  public Item bridgeHeldConnection() {
    int k = key();
    return BenchSupport.block(Mono.from(held.createStatement(SQL).bind(0, k).execute())
        .flatMap(r -> Mono.from(r.map((row, md) -> BenchSupport.map(row)))));
  }

  /**
   * One round trip to a held boundedElastic worker and back: the cheapest hop (the bridge schedules
   * each burst of a connection's work on boundedElastic, which measured the same).
   */
  @Benchmark
  public Integer workerHop() {
    return BenchSupport.block(Mono.<Integer>create(sink -> worker.schedule(() -> sink.success(1))));
  }

  /**
   * {@code rawJdbc} run on the held worker while the caller waits: the least a bridge that keeps
   * every JDBC call off the caller's thread can cost (the read plus one round trip).
   */
  @Benchmark
  public Item rawJdbcOnWorker() {
    return BenchSupport.block(Mono.<Item>create(sink -> worker.schedule(() -> {
      try {
        sink.success(rawJdbc());
      } catch (SQLException e) {
        sink.error(e);
      }
    })));
  }

  /** Pool acquire and release only, no statement (no bridge work beyond the pool's). */
  @Benchmark
  public Integer poolOnly() {
    return BenchSupport.block(Mono.usingWhen(s.pool.create(), c -> Mono.just(1),
        Connection::close));
  }
}
