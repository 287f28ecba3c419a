package dev.sluice.bench;

import io.r2dbc.spi.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;

/**
 * SQLite: stream 100k rows into records (each consumed by a Blackhole, ids summed and checked) on one
 * temp-file database (WAL): a raw sqlite-jdbc {@code ResultSet} loop against the bridge used by hand
 * (a {@code Flux} over {@code Result.map}, bridge default chunk 256 rows, and with
 * {@code fetchSize(1000)}) and Sluice {@code selectFrom(T).fetch()} (its default fetch size 1000,
 * which the bridge takes as its chunk size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SqliteStreamingBenchmark {
  static final int ROWS = 100_000;
  static final Items ITEMS = new Items("bench_sqlite_stream_items");
  static final String SQL = "SELECT " + BenchSupport.COLUMNS + " FROM bench_sqlite_stream_items";
  static final long SUM = (long) ROWS * (ROWS + 1) / 2;

  SqliteSupport s;
  PreparedStatement ps;

  @Setup(Level.Trial)
  public void setUp() {
    s = new SqliteSupport(ITEMS, ROWS, 1000);
    try {
      ps = s.jdbc.prepareStatement(SQL);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    ps.close();
    s.close();
  }

  private static long check(long sum) {
    if (sum != SUM) {
      throw new IllegalStateException("Read the wrong rows: id sum " + sum);
    }
    return sum;
  }

  private static long consume(Flux<Item> items, Blackhole bh) {
    return check(BenchSupport.block(items.reduce(0L, (acc, item) -> {
      bh.consume(item);
      return acc + item.id();
    })));
  }

  @Benchmark
  public long rawJdbc(Blackhole bh) throws SQLException {
    long sum = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Item item = SqliteSupport.map(rs);
        bh.consume(item);
        sum += item.id();
      }
    }
    return check(sum);
  }

  /**
   * {@code rawJdbc} reading every value with {@code getObject}, as the bridge has to: a SQLite value's
   * storage class is known only per value (one more native call each), not from the column.
   */
  @Benchmark
  public long rawJdbcGetObject(Blackhole bh) throws SQLException {
    long sum = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Item item = SqliteSupport.mapObjects(rs);
        bh.consume(item);
        sum += item.id();
      }
    }
    return check(sum);
  }

  @Benchmark
  public long bridge(Blackhole bh) {
    return consume(Flux.usingWhen(s.pool.create(),
        c -> Flux.from(c.createStatement(SQL).execute())
            .concatMap(r -> r.map((row, md) -> BenchSupport.map(row))),
        Connection::close), bh);
  }

  @Benchmark
  public long bridgeFetchSize1000(Blackhole bh) {
    return consume(Flux.usingWhen(s.pool.create(),
        c -> Flux.from(c.createStatement(SQL).fetchSize(1000).execute())
            .concatMap(r -> r.map((row, md) -> BenchSupport.map(row))),
        Connection::close), bh);
  }

  @Benchmark
  public long sluice(Blackhole bh) {
    return consume(s.db.selectFrom(ITEMS).fetch(), bh);
  }

  /** {@link #sluice} on the bridge with {@code callerRuns}: each chunk read on the thread that asked for it. */
  @Benchmark
  public long sluiceCallerRuns(Blackhole bh) {
    return consume(s.dbCallerRuns.selectFrom(ITEMS).fetch(), bh);
  }

  /** {@link #sluice} on the bridge's own pool with {@code callerRuns} ({@code pooled(false)}). */
  @Benchmark
  public long sluiceOwnPool(Blackhole bh) {
    return consume(s.dbOwnPool.selectFrom(ITEMS).fetch(), bh);
  }
}
