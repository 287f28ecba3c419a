package dev.sluice.bench;

import io.r2dbc.spi.Connection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;

/**
 * Streams 100k rows into records and consumes each (Blackhole + a sum of ids, so the stream is
 * really read): Sluice {@code selectFrom(T).fetch()} (default fetch size 1000) against raw
 * r2dbc-postgresql without a fetch size (what a raw user writes) and with {@code fetchSize(1000)}
 * (the same portal round trips Sluice makes). {@code sluiceNoFetchSize} is Sluice built with
 * {@code fetchSize(0)}, the like-for-like partner of {@code raw}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamingBenchmark extends PostgresBench {
  static final int ROWS = 100_000;
  static final Items ITEMS = new Items("bench_stream_items");
  static final String SQL = "SELECT " + BenchSupport.COLUMNS + " FROM bench_stream_items";
  /** The same rows in a table with timestamps, soft delete and an afterFetch hook ({@link ModelItems}). */
  static final ModelItems MODEL_ITEMS = new ModelItems("bench_stream_model_items");

  @Setup(Level.Trial)
  public void setUp() {
    openFilled(ITEMS, ROWS);
    BenchSupport.createAndFillModel(db, pool, MODEL_ITEMS, ROWS);
  }

  /**
   * {@link #sluice} on {@link ModelItems}: {@code deleted_at IS NULL} in the WHERE, two more columns
   * and the {@code afterFetch} hook on each of the 100k records ({@code concatMap}).
   */
  @Benchmark
  public long sluiceModel(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(db.selectFrom(MODEL_ITEMS).fetch(), ModelItem::id, bh);
  }

  /** {@link #sluiceModel} with {@code withoutHooks()}: the soft-delete filter and the columns alone. */
  @Benchmark
  public long sluiceModelWithoutHooks(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(db.selectFrom(MODEL_ITEMS).withoutHooks().fetch(), ModelItem::id, bh);
  }

  private static long consume(Flux<Item> items, Blackhole bh) {
    return consume(items, Item::id, bh);
  }

  /** Consumes every row, sums their ids and checks the sum: the 100k rows, each once. */
  private static <T> long consume(Flux<T> items, java.util.function.ToLongFunction<T> id, Blackhole bh) {
    long sum = BenchSupport.block(items.reduce(0L, (acc, item) -> {
      bh.consume(item);
      return acc + id.applyAsLong(item);
    }));
    if (sum != (long) ROWS * (ROWS + 1) / 2) {
      throw new IllegalStateException("Read the wrong rows: id sum " + sum);
    }
    return sum;
  }

  @Benchmark
  public long sluice(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(db.selectFrom(ITEMS).fetch(), bh);
  }

  /** {@link #sluice} on r2dbc-vertx: the same 1000 rows per cursor fetch, through Vert.x's client. */
  @Benchmark
  public long sluiceVertx(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(dbVertx.selectFrom(ITEMS).fetch(), bh);
  }

  /** {@link #sluiceVertx} on connections pooled by Vert.x's own pool, without r2dbc-pool. */
  @Benchmark
  public long sluiceVertxPool(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(dbVertxPool.selectFrom(ITEMS).fetch(), bh);
  }

  /**
   * Vert.x's client as its users stream: a transaction on its pool, the prepared query's
   * {@code RowStream} fetching 1000 rows per round trip (as {@code sluiceVertx}), each row mapped and
   * consumed on the event loop.
   */
  @Benchmark
  public long rawVertx(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    long sum = BenchSupport.block(RawVertx.mono(rawVertx.withTransaction(c -> c.prepare(SQL).compose(ps -> {
      io.vertx.core.Promise<Long> done = io.vertx.core.Promise.promise();
      long[] ids = {0};
      io.vertx.sqlclient.RowStream<io.vertx.sqlclient.Row> rows = ps.createStream(1000);
      rows.exceptionHandler(done::tryFail);
      rows.endHandler(v -> done.tryComplete(ids[0]));
      rows.handler(row -> {
        Item item = RawVertx.item(row);
        bh.consume(item);
        ids[0] += item.id();
      });
      return done.future().onComplete(ar -> ps.close());
    }))));
    if (sum != (long) ROWS * (ROWS + 1) / 2) {
      throw new IllegalStateException("Read the wrong rows: id sum " + sum);
    }
    return sum;
  }

  @Benchmark
  public long sluiceNoFetchSize(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(dbNoFetchSize.selectFrom(ITEMS).fetch(), bh);
  }

  @Benchmark
  public long raw(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(Flux.usingWhen(pool.create(),
        c -> Flux.from(c.createStatement(SQL).execute())
            .concatMap(r -> r.map((row, md) -> BenchSupport.map(row))),
        Connection::close), bh);
  }

  /**
   * Sluice as {@code Database.connect(url)} sets it up: binary results read by its exact decoders;
   * a statement without binds goes over the extended protocol (one Execute for every row).
   */
  @Benchmark
  public long sluiceBinary(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(dbBinary.selectFrom(ITEMS).fetch(), bh);
  }

  /**
   * The raw driver with {@code forceBinary(true)}; a statement without binds needs a fetch size to
   * leave the simple (text-only) protocol, so it gets one that fetches every row at once.
   */
  @Benchmark
  public long rawBinary(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(Flux.usingWhen(rawBinaryPool.create(),
        c -> Flux.from(c.createStatement(SQL).fetchSize(Integer.MAX_VALUE).execute())
            .concatMap(r -> r.map((row, md) -> BenchSupport.map(row))),
        Connection::close), bh);
  }

  @Benchmark
  public long rawFetchSize1000(CpuPerOp cpu, Blackhole bh) {
    cpu.op();
    return consume(Flux.usingWhen(pool.create(),
        c -> Flux.from(c.createStatement(SQL).fetchSize(1000).execute())
            .concatMap(r -> r.map((row, md) -> BenchSupport.map(row))),
        Connection::close), bh);
  }
}
