package dev.sluice.bench;

import static dev.sluice.query.Dsl.eq;

import dev.sluice.Database;
import io.r2dbc.pool.ConnectionPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What read-replica routing costs a PK lookup: the same {@code fetchOne()} through a Database without
 * replicas ({@code direct}) and through one whose "replica" is a second pool of the same size on
 * the same server ({@code viaReplica}), so the difference is the router's work (route, picker,
 * rotation list, read-your-writes check), not the network.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplicaRoutingBenchmark extends PostgresBench {
  static final int ROWS = 10_000;
  static final Items ITEMS = new Items("bench_replica_items");

  ConnectionPool replicaPool;
  Database replicated;

  @Setup(Level.Trial)
  public void setUp() {
    openFilled(ITEMS, ROWS);
    replicaPool = BenchSupport.newPool();
    replicated = Database.builder().primary(pool).replicas(replicaPool).fetchSize(0).build();
  }

  @TearDown(Level.Trial)
  public void closeTheReplica() {
    BenchSupport.dispose(replicated, replicaPool);
  }

  @Benchmark
  public Item direct(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(dbNoFetchSize.selectFrom(ITEMS).where(eq(ITEMS.id, PkLookupBenchmark.key())).fetchOne());
  }

  @Benchmark
  public Item viaReplica(CpuPerOp cpu) {
    cpu.op();
    return BenchSupport.block(replicated.selectFrom(ITEMS).where(eq(ITEMS.id, PkLookupBenchmark.key())).fetchOne());
  }
}
