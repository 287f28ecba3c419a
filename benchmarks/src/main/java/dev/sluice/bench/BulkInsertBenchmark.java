package dev.sluice.bench;

import dev.sluice.Database;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Inserts 10k records per invocation (time per 10k batch). The table is truncated in a
 * {@code Level.Invocation} setup and the row count checked in a teardown; JMH times neither (the
 * client-CPU figure of {@link CpuPerOp} does include their small cost, the same for every variant).
 *
 * <ul>
 *   <li>{@code sluice}: {@code insertInto(T).values(list).execute()}, multi-row VALUES in chunks of
 *       2000 rows (its default) inside one transaction.
 *   <li>{@code rawMultiValues}: the same thing hand-written: precomputed multi-row INSERT text,
 *       2000 rows per statement, one transaction: the best plain-r2dbc approach.
 *   <li>{@code rawAddLoopTx}: one statement with 10k bindings via {@code Statement.add()} (the
 *       driver runs one Bind/Execute per binding) inside a transaction.
 *   <li>{@code rawAddLoopAutocommit}: the same without a transaction, as a raw user often writes it
 *       (each row is its own commit, so the server flushes WAL per row).
 *   <li>{@code sluiceVertx} / {@code sluiceVertxPool}: {@code sluice} on r2dbc-vertx, under
 *       r2dbc-pool and on Vert.x's own pool ({@code ?poolSize=4}, {@code pooled(false)}); against
 *       {@code rawVertxBatch}, Vert.x's client inserting as its users do.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkInsertBenchmark extends PostgresBench {
  static final int ROWS = 10_000;
  static final int CHUNK = 2000;
  static final Items ITEMS = new Items("bench_insert_items");
  static final String INSERT_ONE =
      "INSERT INTO bench_insert_items (" + BenchSupport.COLUMNS + ") VALUES ($1, $2, $3, $4, $5)";

  static final String UNNEST = "INSERT INTO bench_insert_items (" + BenchSupport.COLUMNS + ") "
      + "SELECT * FROM unnest($1::int[], $2::text[], $3::bigint[], $4::timestamptz[], $5::boolean[])";

  List<Item> items;
  String insertChunkSql;

  @Setup(Level.Trial)
  public void setUp() {
    open(1000);
    openVertx(1000);
    BenchSupport.createAndFill(db, pool, ITEMS, 0);
    OffsetDateTime t0 = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    items = new ArrayList<>(ROWS);
    for (int i = 1; i <= ROWS; i++) {
      items.add(new Item(i, "item-" + i, i * 1000L, t0.plusSeconds(i), i % 2 == 0));
    }
    StringBuilder sql = new StringBuilder("INSERT INTO bench_insert_items (")
        .append(BenchSupport.COLUMNS).append(") VALUES ");
    for (int r = 0; r < CHUNK; r++) {
      int b = r * 5;
      sql.append(r == 0 ? "" : ", ").append("($").append(b + 1).append(", $").append(b + 2)
          .append(", $").append(b + 3).append(", $").append(b + 4).append(", $").append(b + 5)
          .append(')');
    }
    insertChunkSql = sql.toString();
  }

  @Setup(Level.Invocation)
  public void truncate() {
    BenchSupport.sql(pool, "TRUNCATE bench_insert_items");
  }

  @TearDown(Level.Invocation)
  public void check() {
    long n = BenchSupport.block(Mono.usingWhen(pool.create(),
        c -> Mono.from(c.createStatement("SELECT count(*) FROM bench_insert_items").execute())
            .flatMap(r -> Mono.from(r.map((row, md) -> row.get(0, Long.class)))),
        Connection::close));
    if (n != ROWS) {
      throw new IllegalStateException("Expected " + ROWS + " rows, found " + n);
    }
  }


  @Benchmark
  public Long sluice(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(db.insertInto(ITEMS).values(items).execute());
  }

  /** {@link #sluice} on an r2dbc-pool of r2dbc-vertx connections. */
  @Benchmark
  public Long sluiceVertx(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbVertx.insertInto(ITEMS).values(items).execute());
  }

  /** {@link #sluice} on r2dbc-vertx connections pooled by Vert.x's own pool, without r2dbc-pool. */
  @Benchmark
  public Long sluiceVertxPool(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbVertxPool.insertInto(ITEMS).values(items).execute());
  }

  @Benchmark
  public Long rawMultiValues(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(Mono.usingWhen(pool.create(),
        c -> Mono.from(c.beginTransaction())
            .thenMany(Flux.range(0, (ROWS + CHUNK - 1) / CHUNK).concatMap(i -> {
              Statement s = c.createStatement(insertChunkSql);
              int from = i * CHUNK;
              for (int r = 0; r < CHUNK; r++) {
                Item it = items.get(from + r);
                int b = r * 5;
                s.bind(b, it.id()).bind(b + 1, it.name()).bind(b + 2, it.qty())
                    .bind(b + 3, it.createdAt()).bind(b + 4, it.active());
              }
              return Flux.from(s.execute()).concatMap(res -> res.getRowsUpdated());
            }))
            .reduce(0L, Long::sum)
            .flatMap(n -> Mono.from(c.commitTransaction()).thenReturn(n)),
        Connection::close));
  }

  /**
   * Not a Sluice path today, a candidate for its PostgreSQL dialect: one statement per chunk with
   * five array binds, {@code INSERT ... SELECT * FROM unnest($1::int[], ...)}, so the server parses
   * and plans 5 parameters instead of 10 000.
   */
  @Benchmark
  public Long rawUnnest(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(Mono.usingWhen(pool.create(),
        c -> Mono.from(c.beginTransaction())
            .thenMany(Flux.range(0, (ROWS + CHUNK - 1) / CHUNK).concatMap(i -> {
              int from = i * CHUNK;
              Integer[] ids = new Integer[CHUNK];
              String[] names = new String[CHUNK];
              Long[] qtys = new Long[CHUNK];
              OffsetDateTime[] times = new OffsetDateTime[CHUNK];
              Boolean[] actives = new Boolean[CHUNK];
              for (int r = 0; r < CHUNK; r++) {
                Item it = items.get(from + r);
                ids[r] = it.id();
                names[r] = it.name();
                qtys[r] = it.qty();
                times[r] = it.createdAt();
                actives[r] = it.active();
              }
              Statement s = c.createStatement(UNNEST).bind(0, ids).bind(1, names).bind(2, qtys)
                  .bind(3, times).bind(4, actives);
              return Flux.from(s.execute()).concatMap(res -> res.getRowsUpdated());
            }))
            .reduce(0L, Long::sum)
            .flatMap(n -> Mono.from(c.commitTransaction()).thenReturn(n)),
        Connection::close));
  }

  /**
   * Vert.x's client as its users insert many rows: one prepared INSERT run as a batch of 10k tuples
   * ({@code executeBatch}: Bind/Execute per tuple, pipelined, one Sync) in a transaction on its pool.
   */
  @Benchmark
  public Long rawVertxBatch(CpuPerOp cpu) {
    cpu.op();
    List<io.vertx.sqlclient.Tuple> tuples = new ArrayList<>(ROWS);
    for (Item it : items) {
      tuples.add(io.vertx.sqlclient.Tuple.of(it.id(), it.name(), it.qty(), it.createdAt(), it.active()));
    }
    return BenchSupport.block(RawVertx.mono(rawVertx.withTransaction(c -> c.preparedQuery(INSERT_ONE)
        .executeBatch(tuples)
        .map(first -> {
          long n = 0;
          for (io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> rs = first; rs != null; rs = rs.next()) {
            n += rs.rowCount();
          }
          return n;
        }))));
  }

  private Mono<Long> addLoop(Connection c) {
    Statement s = c.createStatement(INSERT_ONE);
    for (int i = 0; i < ROWS; i++) {
      Item it = items.get(i);
      if (i > 0) {
        s.add();
      }
      s.bind(0, it.id()).bind(1, it.name()).bind(2, it.qty()).bind(3, it.createdAt())
          .bind(4, it.active());
    }
    return Flux.from(s.execute()).concatMap(res -> res.getRowsUpdated()).reduce(0L, Long::sum);
  }

  @Benchmark
  public Long rawAddLoopTx(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(Mono.usingWhen(pool.create(),
        c -> Mono.from(c.beginTransaction()).then(addLoop(c))
            .flatMap(n -> Mono.from(c.commitTransaction()).thenReturn(n)),
        Connection::close));
  }

  @Benchmark
  public Long rawAddLoopAutocommit(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(Mono.usingWhen(pool.create(), this::addLoop, Connection::close));
  }
}
