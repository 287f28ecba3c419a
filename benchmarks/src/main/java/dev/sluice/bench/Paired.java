package dev.sluice.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An interleaved A/B runner for a shared, noisy machine, complementing the JMH runs: the variants
 * of one scenario take turns in short time slices (order alternating each round), so load from
 * other processes hits them alike. Reports, per variant, the median time per op over the rounds
 * and the median and quartiles of the per-round ratio against the first (Sluice) variant. It reuses
 * the JMH benchmark classes and their setup.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.sluice.bench.Paired pk|pk-vertx|pk-binary|pk-model|stream|stream-vertx|stream-model|insert|insert-vertx|sqlite-pk|sqlite-stream|eager|eager-vertx|join|join-vertx [rounds] [sliceMillis]</pre>
 */
public final class Paired {
  private Paired() {}

  interface Op {
    Object run() throws Exception;
  }

  public static void main(String[] args) {
    String scenario = args.length > 0 ? args[0] : "pk";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 500) * 1_000_000L;
    CpuPerOp cpu = new CpuPerOp();
    Map<String, Op> variants = new LinkedHashMap<>();
    Runnable prep = () -> { };
    Runnable after = () -> { };
    Runnable tearDown;
    // extra throughput ratios to print: {numerator, denominator} (throughput A / throughput B)
    List<String[]> pairs = new ArrayList<>();
    switch (scenario) {
      case "pk" -> {
        PkLookupBenchmark b = new PkLookupBenchmark();
        b.setUp();
        variants.put("sluice", () -> b.sluice(cpu));
        variants.put("raw", () -> b.raw(cpu));
        variants.put("rawFetchSize1000", () -> b.rawFetchSize1000(cpu));
        variants.put("sluiceNoFetchSize", () -> b.sluiceNoFetchSize(cpu));
        variants.put("sluiceMicrometer", () -> b.sluiceMicrometer(cpu));
        variants.put("sluiceCached", () -> b.sluiceCached(cpu));
        variants.put("sluiceBinary", () -> b.sluiceBinary(cpu));
        variants.put("rawBinary", () -> b.rawBinary(cpu));
        pairs.add(new String[] {"sluiceMicrometer", "raw"});
        pairs.add(new String[] {"sluiceBinary", "raw"});
        pairs.add(new String[] {"sluiceBinary", "rawBinary"});
        pairs.add(new String[] {"rawBinary", "raw"});
        tearDown = b::tearDown;
      }
      case "pk-model" -> {
        // the plain table against one with timestamps, soft delete and an afterFetch hook (issue 14)
        PkLookupBenchmark b = new PkLookupBenchmark();
        b.setUp();
        variants.put("sluice", () -> b.sluice(cpu));
        variants.put("sluiceModel", () -> b.sluiceModel(cpu));
        variants.put("sluiceModelWithoutHooks", () -> b.sluiceModelWithoutHooks(cpu));
        variants.put("raw", () -> b.raw(cpu));
        pairs.add(new String[] {"sluice", "raw"});
        pairs.add(new String[] {"sluiceModel", "raw"});
        tearDown = () -> {
          b.closeRedis();
          b.tearDown();
        };
      }
      case "stream-model" -> {
        StreamingBenchmark b = new StreamingBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
            + "Blackholes directly is dangerous.");
        variants.put("sluice", () -> b.sluice(cpu, bh));
        variants.put("sluiceModel", () -> b.sluiceModel(cpu, bh));
        variants.put("sluiceModelWithoutHooks", () -> b.sluiceModelWithoutHooks(cpu, bh));
        variants.put("raw", () -> b.raw(cpu, bh));
        pairs.add(new String[] {"sluice", "raw"});
        pairs.add(new String[] {"sluiceModel", "raw"});
        tearDown = b::tearDown;
      }
      case "pk-vertx" -> {
        // Sluice on r2dbc-vertx against raw r2dbc-postgresql and raw Vert.x (issue 17)
        PkLookupBenchmark b = new PkLookupBenchmark();
        b.setUp();
        variants.put("sluiceVertxPool", () -> b.sluiceVertxPool(cpu));
        variants.put("raw", () -> b.raw(cpu));
        variants.put("rawVertx", () -> b.rawVertx(cpu));
        variants.put("sluiceVertx", () -> b.sluiceVertx(cpu));
        variants.put("sluice", () -> b.sluice(cpu));
        pairs.add(new String[] {"sluiceVertxPool", "raw"});
        pairs.add(new String[] {"sluiceVertxPool", "rawVertx"});
        pairs.add(new String[] {"sluiceVertx", "raw"});
        pairs.add(new String[] {"sluiceVertx", "rawVertx"});
        pairs.add(new String[] {"rawVertx", "raw"});
        pairs.add(new String[] {"sluice", "raw"});
        tearDown = () -> {
          b.closeRedis();
          b.tearDown();
        };
      }
      case "pk-binary" -> {
        // the four variants that compare binary results, without the others' noise
        PkLookupBenchmark b = new PkLookupBenchmark();
        b.setUp();
        variants.put("sluiceBinary", () -> b.sluiceBinary(cpu));
        variants.put("raw", () -> b.raw(cpu));
        variants.put("rawBinary", () -> b.rawBinary(cpu));
        variants.put("sluice", () -> b.sluice(cpu));
        pairs.add(new String[] {"sluiceBinary", "raw"});
        pairs.add(new String[] {"sluiceBinary", "rawBinary"});
        pairs.add(new String[] {"rawBinary", "raw"});
        pairs.add(new String[] {"sluice", "raw"});
        tearDown = b::tearDown;
      }
      case "stream" -> {
        StreamingBenchmark b = new StreamingBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
            + "Blackholes directly is dangerous.");
        variants.put("sluice", () -> b.sluice(cpu, bh));
        variants.put("raw", () -> b.raw(cpu, bh));
        variants.put("rawFetchSize1000", () -> b.rawFetchSize1000(cpu, bh));
        variants.put("sluiceNoFetchSize", () -> b.sluiceNoFetchSize(cpu, bh));
        variants.put("sluiceBinary", () -> b.sluiceBinary(cpu, bh));
        variants.put("rawBinary", () -> b.rawBinary(cpu, bh));
        pairs.add(new String[] {"sluiceBinary", "raw"});
        pairs.add(new String[] {"sluiceBinary", "rawBinary"});
        pairs.add(new String[] {"rawBinary", "raw"});
        pairs.add(new String[] {"sluiceBinary", "sluiceNoFetchSize"});
        tearDown = b::tearDown;
      }
      case "stream-vertx" -> {
        // 100k rows streamed by Sluice on r2dbc-vertx against raw r2dbc-postgresql and raw Vert.x (issue 17)
        StreamingBenchmark b = new StreamingBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
            + "Blackholes directly is dangerous.");
        variants.put("sluiceVertxPool", () -> b.sluiceVertxPool(cpu, bh));
        variants.put("raw", () -> b.raw(cpu, bh));
        variants.put("rawVertx", () -> b.rawVertx(cpu, bh));
        variants.put("sluiceVertx", () -> b.sluiceVertx(cpu, bh));
        variants.put("sluiceBinary", () -> b.sluiceBinary(cpu, bh));
        pairs.add(new String[] {"sluiceVertxPool", "raw"});
        pairs.add(new String[] {"sluiceVertxPool", "rawVertx"});
        pairs.add(new String[] {"sluiceVertx", "raw"});
        pairs.add(new String[] {"sluiceVertx", "rawVertx"});
        pairs.add(new String[] {"rawVertx", "raw"});
        pairs.add(new String[] {"sluiceBinary", "raw"});
        tearDown = b::tearDown;
      }
      case "insert" -> {
        BulkInsertBenchmark b = new BulkInsertBenchmark();
        b.setUp();
        variants.put("sluice", () -> b.sluice(cpu));
        variants.put("rawMultiValues", () -> b.rawMultiValues(cpu));
        variants.put("rawUnnest", () -> b.rawUnnest(cpu));
        variants.put("rawAddLoopTx", () -> b.rawAddLoopTx(cpu));
        variants.put("rawAddLoopAutocommit", () -> b.rawAddLoopAutocommit(cpu));
        prep = b::truncate;
        after = b::check;
        tearDown = b::tearDown;
      }
      case "sqlite-pk" -> {
        SqlitePkLookupBenchmark b = new SqlitePkLookupBenchmark();
        b.setUp();
        variants.put("sluice", b::sluice);
        variants.put("rawJdbc", b::rawJdbc);
        variants.put("bridge", b::bridge);
        variants.put("rawJdbcPrepareEach", b::rawJdbcPrepareEach);
        variants.put("bridgeSelect1", b::bridgeSelect1);
        variants.put("poolOnly", b::poolOnly);
        variants.put("bareHop", b::bareHop);
        variants.put("sluiceJoinOff", b::sluiceJoinOff);
        variants.put("bridgeHeldConnection", b::bridgeHeldConnection);
        variants.put("workerHop", b::workerHop);
        variants.put("rawJdbcOnWorker", b::rawJdbcOnWorker);
        variants.put("sluiceCallerRuns", b::sluiceCallerRuns);
        variants.put("sluiceOwnPool", b::sluiceOwnPool);
        variants.put("bridgeOwnPool", b::bridgeOwnPool);
        pairs.add(new String[] {"sluiceOwnPool", "rawJdbc"});
        pairs.add(new String[] {"bridgeOwnPool", "rawJdbc"});
        pairs.add(new String[] {"sluiceCallerRuns", "rawJdbc"});
        pairs.add(new String[] {"rawJdbcOnWorker", "rawJdbc"});
        pairs.add(new String[] {"bridge", "rawJdbcOnWorker"});
        pairs.add(new String[] {"bridgeHeldConnection", "rawJdbc"});
        pairs.add(new String[] {"bridge", "rawJdbc"});
        pairs.add(new String[] {"sluice", "rawJdbc"});
        pairs.add(new String[] {"sluice", "bridge"});
        pairs.add(new String[] {"rawJdbcPrepareEach", "rawJdbc"});
        tearDown = () -> {
          try {
            b.tearDown();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
      }
      case "sqlite-stream" -> {
        SqliteStreamingBenchmark b = new SqliteStreamingBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating "
            + "Blackholes directly is dangerous.");
        variants.put("sluice", () -> b.sluice(bh));
        variants.put("rawJdbc", () -> b.rawJdbc(bh));
        variants.put("bridge", () -> b.bridge(bh));
        variants.put("bridgeFetchSize1000", () -> b.bridgeFetchSize1000(bh));
        variants.put("rawJdbcGetObject", () -> b.rawJdbcGetObject(bh));
        variants.put("sluiceCallerRuns", () -> b.sluiceCallerRuns(bh));
        variants.put("sluiceOwnPool", () -> b.sluiceOwnPool(bh));
        pairs.add(new String[] {"sluiceOwnPool", "rawJdbc"});
        pairs.add(new String[] {"sluiceCallerRuns", "rawJdbc"});
        pairs.add(new String[] {"rawJdbcGetObject", "rawJdbc"});
        pairs.add(new String[] {"bridge", "rawJdbcGetObject"});
        pairs.add(new String[] {"bridge", "rawJdbc"});
        pairs.add(new String[] {"bridgeFetchSize1000", "rawJdbc"});
        pairs.add(new String[] {"sluice", "rawJdbc"});
        pairs.add(new String[] {"sluice", "bridgeFetchSize1000"});
        pairs.add(new String[] {"sluice", "bridge"});
        tearDown = () -> {
          try {
            b.tearDown();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
      }
      case "eager" -> {
        EagerLoadBenchmark b = new EagerLoadBenchmark();
        b.setUp();
        variants.put("sluiceWith", () -> b.sluiceWith(cpu));
        variants.put("rawTwoQueries", () -> b.rawTwoQueries(cpu));
        variants.put("rawWindowedIn", () -> b.rawWindowedIn(cpu));
        variants.put("sluiceNPlusOne", () -> b.sluiceNPlusOne(cpu));
        variants.put("rawNPlusOne", () -> b.rawNPlusOne(cpu));
        variants.put("sluiceNPlusOneSeq", () -> b.sluiceNPlusOneSeq(cpu));
        variants.put("rawNPlusOneSeq", () -> b.rawNPlusOneSeq(cpu));
        pairs.add(new String[] {"sluiceNPlusOne", "rawNPlusOne"});
        pairs.add(new String[] {"sluiceNPlusOneSeq", "rawNPlusOneSeq"});
        tearDown = b::tearDown;
      }
      case "eager-vertx" -> {
        // users with their posts loaded by Sluice on r2dbc-vertx against raw r2dbc-postgresql and raw Vert.x
        EagerLoadBenchmark b = new EagerLoadBenchmark();
        b.setUp();
        variants.put("sluiceVertxPool", () -> b.sluiceVertxPool(cpu));
        variants.put("rawWindowedIn", () -> b.rawWindowedIn(cpu));
        variants.put("rawTwoQueries", () -> b.rawTwoQueries(cpu));
        variants.put("rawVertxTwoQueries", () -> b.rawVertxTwoQueries(cpu));
        variants.put("sluiceVertx", () -> b.sluiceVertx(cpu));
        variants.put("sluiceWith", () -> b.sluiceWith(cpu));
        variants.put("sluiceVertxPoolList", () -> b.sluiceVertxPoolList(cpu));
        variants.put("sluiceWithList", () -> b.sluiceWithList(cpu));
        pairs.add(new String[] {"sluiceVertxPoolList", "rawWindowedIn"});
        pairs.add(new String[] {"sluiceVertxPoolList", "rawVertxTwoQueries"});
        pairs.add(new String[] {"sluiceWithList", "rawWindowedIn"});
        pairs.add(new String[] {"sluiceVertxPool", "rawWindowedIn"});
        pairs.add(new String[] {"sluiceVertxPool", "rawVertxTwoQueries"});
        pairs.add(new String[] {"sluiceVertx", "rawWindowedIn"});
        pairs.add(new String[] {"sluiceVertxPool", "sluiceWith"});
        pairs.add(new String[] {"rawVertxTwoQueries", "rawTwoQueries"});
        pairs.add(new String[] {"sluiceWith", "rawWindowedIn"});
        tearDown = b::tearDown;
      }
      case "join-vertx" -> {
        // the 3-table join, large and small, by Sluice on r2dbc-vertx against raw r2dbc-postgresql and raw Vert.x
        JoinBenchmark b = new JoinBenchmark();
        b.setUp();
        variants.put("sluiceVertxPoolLarge", () -> b.sluiceVertxPoolLarge(cpu));
        variants.put("rawLarge", () -> b.rawLarge(cpu));
        variants.put("rawVertxLarge", () -> b.rawVertxLarge(cpu));
        variants.put("sluiceVertxLarge", () -> b.sluiceVertxLarge(cpu));
        variants.put("sluiceLarge", () -> b.sluiceLarge(cpu));
        variants.put("sluiceVertxPoolSmall", () -> b.sluiceVertxPoolSmall(cpu));
        variants.put("rawSmall", () -> b.rawSmall(cpu));
        variants.put("rawVertxSmall", () -> b.rawVertxSmall(cpu));
        variants.put("sluiceVertxSmall", () -> b.sluiceVertxSmall(cpu));
        variants.put("sluiceSmall", () -> b.sluiceSmall(cpu));
        variants.put("sluiceVertxPoolListLarge", () -> b.sluiceVertxPoolListLarge(cpu));
        variants.put("sluiceVertxPoolListSmall", () -> b.sluiceVertxPoolListSmall(cpu));
        for (String size : new String[] {"Large", "Small"}) {
          pairs.add(new String[] {"sluiceVertxPoolList" + size, "raw" + size});
          pairs.add(new String[] {"sluiceVertxPoolList" + size, "rawVertx" + size});
          pairs.add(new String[] {"sluiceVertxPool" + size, "raw" + size});
          pairs.add(new String[] {"sluiceVertxPool" + size, "rawVertx" + size});
          pairs.add(new String[] {"sluiceVertx" + size, "raw" + size});
          pairs.add(new String[] {"rawVertx" + size, "raw" + size});
          pairs.add(new String[] {"sluice" + size, "raw" + size});
        }
        tearDown = b::tearDown;
      }
      case "insert-vertx" -> {
        // 10k rows inserted by Sluice on r2dbc-vertx against raw r2dbc-postgresql and raw Vert.x
        BulkInsertBenchmark b = new BulkInsertBenchmark();
        b.setUp();
        variants.put("sluiceVertxPool", () -> b.sluiceVertxPool(cpu));
        variants.put("rawMultiValues", () -> b.rawMultiValues(cpu));
        variants.put("rawVertxBatch", () -> b.rawVertxBatch(cpu));
        variants.put("sluiceVertx", () -> b.sluiceVertx(cpu));
        variants.put("sluice", () -> b.sluice(cpu));
        variants.put("rawAddLoopTx", () -> b.rawAddLoopTx(cpu));  // the baseline: one add() per row
        pairs.add(new String[] {"sluiceVertxPool", "rawAddLoopTx"});
        pairs.add(new String[] {"sluice", "rawAddLoopTx"});
        pairs.add(new String[] {"rawVertxBatch", "rawAddLoopTx"});
        pairs.add(new String[] {"sluiceVertxPool", "rawMultiValues"});
        pairs.add(new String[] {"sluiceVertxPool", "rawVertxBatch"});
        pairs.add(new String[] {"sluiceVertx", "rawMultiValues"});
        pairs.add(new String[] {"rawVertxBatch", "rawMultiValues"});
        pairs.add(new String[] {"sluice", "rawMultiValues"});
        prep = b::truncate;
        after = b::check;
        tearDown = b::tearDown;
      }
      case "join" -> {
        JoinBenchmark b = new JoinBenchmark();
        b.setUp();
        variants.put("sluiceLarge", () -> b.sluiceLarge(cpu));
        variants.put("rawLarge", () -> b.rawLarge(cpu));
        variants.put("sluiceSmall", () -> b.sluiceSmall(cpu));
        variants.put("rawSmall", () -> b.rawSmall(cpu));
        pairs.add(new String[] {"sluiceLarge", "rawLarge"});
        pairs.add(new String[] {"sluiceSmall", "rawSmall"});
        tearDown = b::tearDown;
      }
      default -> throw new IllegalArgumentException(
          "pk, pk-vertx, pk-binary, pk-model, stream, stream-vertx, stream-model, insert, insert-vertx, sqlite-pk, "
              + "sqlite-stream, eager, eager-vertx, join or join-vertx, not " + scenario);
    }
    try {
      List<String> names = new ArrayList<>(variants.keySet());
      // warm-up: three slices each
      for (int w = 0; w < 3; w++) {
        for (String n : names) {
          slice(variants.get(n), prep, after, sliceNanos);
        }
      }
      double[][] nsPerOp = new double[names.size()][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int j = 0; j < names.size(); j++) {
          int i = r % 2 == 0 ? j : names.size() - 1 - j;
          nsPerOp[i][r] = slice(variants.get(names.get(i)), prep, after, sliceNanos);
        }
      }
      System.out.printf("%s: %d rounds, %d ms slices, interleaved%n", scenario, rounds,
          sliceNanos / 1_000_000);
      for (int i = 0; i < names.size(); i++) {
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = nsPerOp[i][r] / nsPerOp[0][r]; // > 1: Sluice faster than this variant
        }
        double med = median(nsPerOp[i]);
        System.out.printf("  %-18s median %10.1f us/op (%8.1f ops/s)   sluice speed vs it: "
                + "median %.3fx  [p25 %.3f, p75 %.3f]%n", names.get(i), med / 1000, 1e9 / med,
            median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75));
      }
      for (String[] pair : pairs) {
        double[] a = nsPerOp[names.indexOf(pair[0])];
        double[] bs = nsPerOp[names.indexOf(pair[1])];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = bs[r] / a[r]; // throughput of pair[0] / throughput of pair[1]
        }
        System.out.printf("  throughput %-20s / %-20s median %.3fx  [p25 %.3f, p75 %.3f]%n",
            pair[0], pair[1], median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75));
      }
    } finally {
      tearDown.run();
    }
  }

  /** Runs {@code op} for about {@code nanos} of timed work; returns the mean ns per op. */
  private static double slice(Op op, Runnable prep, Runnable after, long nanos) {
    long timed = 0;
    int ops = 0;
    while (timed < nanos || ops == 0) {
      prep.run();
      long t0 = System.nanoTime();
      try {
        op.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      timed += System.nanoTime() - t0;
      ops++;
      after.run();
    }
    return (double) timed / ops;
  }

  private static double median(double[] xs) {
    return quantile(xs, 0.5);
  }

  private static double quantile(double[] xs, double q) {
    double[] s = xs.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }
}
