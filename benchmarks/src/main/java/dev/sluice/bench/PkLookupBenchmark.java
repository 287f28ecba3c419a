package dev.sluice.bench;

import static dev.sluice.query.Dsl.eq;

import dev.sluice.Database;
import dev.sluice.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.Connection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.publisher.Mono;

/**
 * A primary-key lookup mapped to a record: Sluice {@code selectFrom(...).where(eq(id, k)).fetchOne()}
 * against the same query hand-written on r2dbc-postgresql, on one shared pool. The key varies per
 * call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PkLookupBenchmark extends PostgresBench {
  static final int ROWS = 10_000;
  static final Items ITEMS = new Items("bench_items");
  static final String SQL = "SELECT " + BenchSupport.COLUMNS + " FROM bench_items WHERE id = $1";
  /** The same rows in a table with timestamps, soft delete and an afterFetch hook ({@link ModelItems}). */
  static final ModelItems MODEL_ITEMS = new ModelItems("bench_model_items");

  /**
   * Sluice on the same pool with a {@code MicrometerObserver} whose registry times every statement
   * ({@code DefaultMeterObservationHandler} on a {@code SimpleMeterRegistry}): one observation per
   * lookup, as in a service that exports its metrics.
   */
  Database dbMicrometer;
  /** Sluice on the same pool with an in-memory query cache big enough for every key. */
  Database dbCached;
  /** Sluice on the same pool with its cached rows in the local Redis (sluice-redis's RedisQueryCache). */
  Database dbRedisCached;
  dev.sluice.redis.RedisStore redis;

  @Setup(Level.Trial)
  public void setUp() {
    openFilled(ITEMS, ROWS);
    BenchSupport.createAndFillModel(db, pool, MODEL_ITEMS, ROWS);
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
    dbMicrometer = Database.builder().connectionFactory(pool).fetchSize(1000)
        .observer(MicrometerObserver.of(observations)).build();
    dbCached = Database.builder().connectionFactory(pool).fetchSize(1000)
        .cache(dev.sluice.cache.InMemoryQueryCache.builder().maximumSize(2L * ROWS).build()).build();
    redis = dev.sluice.redis.RedisStore.connect("redis://127.0.0.1:6379")
        .withPrefix("sluice-bench:" + java.util.UUID.randomUUID() + ":");
    dbRedisCached = Database.builder().connectionFactory(pool).fetchSize(1000)
        .cache(dev.sluice.redis.RedisQueryCache.over(redis, "items")).build();
    // every key read once, so that each measured lookup is a hit (as sluiceCached after its first pass)
    reactor.core.publisher.Flux.range(1, ROWS).flatMap(k -> dbRedisCached.selectFrom(ITEMS).where(eq(ITEMS.id, k))
        .cached(java.time.Duration.ofHours(1)).fetchOne(), 16).blockLast(java.time.Duration.ofMinutes(5));
  }

  @org.openjdk.jmh.annotations.TearDown(Level.Trial)
  public void closeRedis() {
    dbRedisCached.invalidate(ITEMS).block(java.time.Duration.ofSeconds(30));
    redis.close().block(java.time.Duration.ofSeconds(10));
  }

  static int key() {
    return ThreadLocalRandom.current().nextInt(1, ROWS + 1);
  }

  @Benchmark
  public Item sluice(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(db.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /**
   * {@link #sluice} on {@link ModelItems}: the same lookup with {@code deleted_at IS NULL} added, two
   * more columns and the {@code afterFetch} hook run on the record.
   */
  @Benchmark
  public ModelItem sluiceModel(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(db.selectFrom(MODEL_ITEMS).where(eq(MODEL_ITEMS.id, key())).fetchOne());
  }

  /** {@link #sluiceModel} with {@code withoutHooks()}: the soft-delete filter and the columns alone. */
  @Benchmark
  public ModelItem sluiceModelWithoutHooks(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(db.selectFrom(MODEL_ITEMS).withoutHooks().where(eq(MODEL_ITEMS.id, key())).fetchOne());
  }

  /**
   * Sluice built with {@code fetchSize(0)}: no portal row limit, so the driver sends
   * Execute/Close/Sync in one go (one round trip), like {@code raw}. What {@code fetchOne()} would
   * cost if it did not inherit the streaming fetch size.
   */
  @Benchmark
  public Item sluiceNoFetchSize(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(
        dbNoFetchSize.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /** {@link #sluice} with every lookup observed (a timer per statement); see {@link #dbMicrometer}. */
  @Benchmark
  public Item sluiceMicrometer(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbMicrometer.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /**
   * {@link #sluice} through the query cache ({@code cached(...).fetchOne()}): after the first pass
   * over the 10k keys every lookup is a hit, so this measures a cached read against a database one.
   */
  @Benchmark
  public Item sluiceCached(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbCached.selectFrom(ITEMS).where(eq(ITEMS.id, key()))
        .cached(java.time.Duration.ofHours(1)).fetchOne());
  }

  /**
   * {@link #sluiceCached} with the rows in the local Redis: one Lua round trip to Redis and the
   * cache format decoded, instead of a PostgreSQL round trip.
   */
  @Benchmark
  public Item sluiceRedisCached(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbRedisCached.selectFrom(ITEMS).where(eq(ITEMS.id, key()))
        .cached(java.time.Duration.ofHours(1)).fetchOne());
  }

  /** {@link #sluice} on an r2dbc-pool of r2dbc-vertx connections (a lookup runs in one execution). */
  @Benchmark
  public Item sluiceVertx(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbVertx.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /** {@link #sluiceVertx} on connections pooled by Vert.x's own pool, without r2dbc-pool. */
  @Benchmark
  public Item sluiceVertxPool(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbVertxPool.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /** Vert.x's client as its users write it: a prepared query on its pool (4 connections), cached per connection. */
  @Benchmark
  public Item rawVertx(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(RawVertx.mono(rawVertx.preparedQuery(SQL).execute(io.vertx.sqlclient.Tuple.of(key()))
        .map(rows -> RawVertx.item(rows.iterator().next()))));
  }

  @Benchmark
  public Item raw(CpuPerOp cpu) {
    cpu.op();
    int k = key();
    return BenchSupport.block(Mono.usingWhen(pool.create(),
        c -> Mono.from(c.createStatement(SQL).bind(0, k).execute())
            .flatMap(r -> Mono.from(r.map((row, md) -> BenchSupport.map(row)))),
        Connection::close));
  }

  /** Sluice as {@code Database.connect(url)} sets it up: binary results read by its exact decoders. */
  @Benchmark
  public Item sluiceBinary(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbBinary.selectFrom(ITEMS).where(eq(ITEMS.id, key())).fetchOne());
  }

  /** {@link #raw} on the raw driver with {@code forceBinary(true)}. */
  @Benchmark
  public Item rawBinary(CpuPerOp cpu) {
    cpu.op();
    int k = key();
    return BenchSupport.block(Mono.usingWhen(rawBinaryPool.create(),
        c -> Mono.from(c.createStatement(SQL).bind(0, k).execute())
            .flatMap(r -> Mono.from(r.map((row, md) -> BenchSupport.map(row)))),
        Connection::close));
  }

  /**
   * The raw query with the fetch size Sluice puts on every query (1000): shows what the portal
   * protocol (Execute with a row limit) costs on a one-row result.
   */
  @Benchmark
  public Item rawFetchSize1000(CpuPerOp cpu) {
    cpu.op();
    int k = key();
    return BenchSupport.block(Mono.usingWhen(pool.create(),
        c -> Mono.from(c.createStatement(SQL).bind(0, k).fetchSize(1000).execute())
            .flatMap(r -> Mono.from(r.map((row, md) -> BenchSupport.map(row)))),
        Connection::close));
  }
}
