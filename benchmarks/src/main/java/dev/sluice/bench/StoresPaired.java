package dev.sluice.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Interleaved ratios of the stores against their raw drivers, for a shared, noisy machine: the
 * store and the raw variant of one operation take turns in short slices (order alternating each
 * round), so load from other processes hits both alike; prints, per operation, the median time per
 * op of each and the median and quartiles of the per-round ratio store throughput / raw
 * throughput. It reuses {@link MongoBenchmark} and {@link RedisBenchmark} and their checks.
 * It also prints the process's CPU time per op (every thread of this JVM, so the in-process
 * MongoDB server's work is in both), which other processes' load disturbs much less than wall time,
 * and the bytes allocated per op by every thread of the JVM, which load does not disturb at all.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.sluice.bench.StoresPaired mongo|redis [rounds] [sliceMillis] [only]</pre>
 *
 * <p>{@code only} keeps the operations whose name contains it ({@code "find"}, {@code "pipelined"}).
 */
public final class StoresPaired {
  private StoresPaired() {}

  /** One operation: the store's variant and the raw driver's, and what runs untimed before each op. */
  private record Pair(String name, Callable<?> store, Callable<?> raw, Runnable prep) {}

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "mongo";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 500) * 1_000_000L;
    String only = args.length > 3 ? args[3] : "";
    List<Pair> pairs = new ArrayList<>();
    Runnable tearDown;
    switch (scenario) {
      case "mongo" -> {
        MongoBenchmark b = new MongoBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
            + "Blackholes directly is dangerous.");
        MongoBenchmark.EmptyTarget empty = new MongoBenchmark.EmptyTarget();
        pairs.add(new Pair("find by id", b::findByIdStore, b::findByIdRaw, () -> { }));
        pairs.add(new Pair("findOne by filter", b::findOneByFilterStore, b::findOneByFilterRaw, () -> { }));
        pairs.add(new Pair("count by filter", b::countStore, b::countRaw, () -> { }));
        pairs.add(new Pair("exists by filter", b::existsStore, b::existsRaw, () -> { }));
        pairs.add(new Pair("stream 100k", () -> b.stream100kStore(bh), () -> b.stream100kRaw(bh), () -> { }));
        pairs.add(new Pair("insert 10k", () -> b.insert10kStore(empty), () -> b.insert10kRaw(empty),
            () -> empty.empty(b)));
        tearDown = b::tearDown;
      }
      case "redis" -> {
        RedisBenchmark b = new RedisBenchmark();
        b.setUp();
        pairs.add(new Pair("get", b::storeGet, b::rawGet, () -> { }));
        pairs.add(new Pair("set", b::storeSet, b::rawSet, () -> { }));
        pairs.add(new Pair("pipelined 1,000 sets", b::storePipelinedSet, b::rawPipelinedSet, () -> { }));
        tearDown = b::tearDown;
      }
      default -> throw new IllegalArgumentException("mongo or redis, not " + scenario);
    }
    try {
      System.out.printf("%s: %d rounds, %d ms slices, interleaved; ratio = store throughput / raw throughput%n",
          scenario, rounds, sliceNanos / 1_000_000);
      for (Pair p : pairs) {
        if (!p.name().contains(only)) {
          continue;
        }
        for (int w = 0; w < 2; w++) {
          slice(p.store(), p.prep(), sliceNanos);
          slice(p.raw(), p.prep(), sliceNanos);
        }
        double[] store = new double[rounds];
        double[] raw = new double[rounds];
        double[] ratio = new double[rounds];
        double[] storeCpu = new double[rounds];
        double[] rawCpu = new double[rounds];
        double[] cpuRatio = new double[rounds];
        double[] storeAlloc = new double[rounds];
        double[] rawAlloc = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          double[] s;
          double[] w;
          if (r % 2 == 0) {
            s = slice(p.store(), p.prep(), sliceNanos);
            w = slice(p.raw(), p.prep(), sliceNanos);
          } else {
            w = slice(p.raw(), p.prep(), sliceNanos);
            s = slice(p.store(), p.prep(), sliceNanos);
          }
          store[r] = s[0];
          raw[r] = w[0];
          ratio[r] = raw[r] / store[r];
          storeCpu[r] = s[1];
          rawCpu[r] = w[1];
          cpuRatio[r] = rawCpu[r] / storeCpu[r];
          storeAlloc[r] = s[2];
          rawAlloc[r] = w[2];
        }
        System.out.printf("  %-22s store %10.1f us/op   raw %10.1f us/op   ratio median %.3fx  [p25 %.3f, p75 %.3f]%n",
            p.name(), quantile(store, 0.5) / 1000, quantile(raw, 0.5) / 1000, quantile(ratio, 0.5),
            quantile(ratio, 0.25), quantile(ratio, 0.75));
        System.out.printf("  %-22s cpu   %10.1f us/op   raw %10.1f us/op   ratio median %.3fx  [p25 %.3f, p75 %.3f]%n",
            "", quantile(storeCpu, 0.5) / 1000, quantile(rawCpu, 0.5) / 1000, quantile(cpuRatio, 0.5),
            quantile(cpuRatio, 0.25), quantile(cpuRatio, 0.75));
        System.out.printf("  %-22s alloc %10.1f KB/op   raw %10.1f KB/op   (median; every thread of the JVM)%n",
            "", quantile(storeAlloc, 0.5) / 1024, quantile(rawAlloc, 0.5) / 1024);
      }
    } finally {
      tearDown.run();
    }
  }

  /**
   * Runs {@code op} for about {@code nanos} of timed work (at least once); the mean wall ns per op,
   * the mean process CPU ns per op (prep included in neither) and the mean bytes allocated per op
   * by the JVM's threads alive at the slice's start (prep included: the insert's drop is small
   * against 10k inserts).
   */
  private static double[] slice(Callable<?> op, Runnable prep, long nanos) throws Exception {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long timed = 0;
    long cpu = 0;
    int ops = 0;
    long[] threads = THREADS.getAllThreadIds();
    long[] before = THREADS.getThreadAllocatedBytes(threads);
    while (timed < nanos || ops == 0) {
      prep.run();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      op.call();
      timed += System.nanoTime() - t0;
      cpu += os.getProcessCpuTime() - c0;
      ops++;
    }
    long[] after = THREADS.getThreadAllocatedBytes(threads);
    long allocated = 0;
    for (int i = 0; i < threads.length; i++) {
      if (before[i] >= 0 && after[i] >= 0) {
        allocated += after[i] - before[i];
      }
    }
    return new double[] {(double) timed / ops, (double) cpu / ops, (double) allocated / ops};
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  private static double quantile(double[] xs, double q) {
    double[] s = xs.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }
}
