package dev.sluice.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * What one PK lookup costs the client, measured in ways that hardly depend on what else the
 * machine runs: bytes allocated by every thread, thread context switches (each hand-off from one
 * thread to another that has to wake up costs at least one) and process CPU, per operation, for
 * each variant of {@code pk-vertx}. Not a speed figure (see {@link Paired} for those): a probe for
 * finding where Sluice's per-query work goes, between two builds or two variants.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.sluice.bench.PerOpProbe [ops] [variant regex]</pre>
 */
public final class PerOpProbe {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private PerOpProbe() {}

  public static void main(String[] args) throws Exception {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 1 ? args[1] : ".*");
    CpuPerOp cpu = new CpuPerOp();
    PkLookupBenchmark b = new PkLookupBenchmark();
    b.setUp();
    Map<String, Callable<Object>> variants = new LinkedHashMap<>();
    variants.put("rawVertx", () -> b.rawVertx(cpu));
    variants.put("sluiceVertxPool", () -> b.sluiceVertxPool(cpu));
    variants.put("sluiceVertx", () -> b.sluiceVertx(cpu));
    variants.put("raw", () -> b.raw(cpu));
    variants.put("sluice", () -> b.sluice(cpu));
    try {
      for (int pass = 0; pass < 2; pass++) {  // the first pass warms up
        for (Map.Entry<String, Callable<Object>> v : variants.entrySet()) {
          if (!only.matcher(v.getKey()).matches()) {
            continue;
          }
          if (pass == 1) {
            profiler("start");
          }
          long[] before = sample();
          for (int i = 0; i < ops; i++) {
            if (v.getValue().call() == null) {
              throw new IllegalStateException(v.getKey() + " found no row");
            }
          }
          long[] after = sample();
          if (pass == 1) {
            profiler("stop");
          }
          if (pass == 1) {
            System.out.printf("%-16s %8.0f B/op %6.2f switches/op %7.1f us cpu/op %7.1f us wall/op%n", v.getKey(),
                (after[0] - before[0]) / (double) ops, (after[1] - before[1]) / (double) ops,
                (after[2] - before[2]) / 1e3 / ops, (after[3] - before[3]) / 1e3 / ops);
          }
        }
      }
    } finally {
      b.closeRedis();
      b.tearDown();
    }
    System.exit(0);
  }

  /**
   * With {@code -Dprobe.profiler=<async-profiler library>} and {@code -Dprobe.profile=<its arguments>}
   * (e.g. {@code event=alloc,alloc=128,collapsed,file=/tmp/a.csv}) and async-profiler's jar on the
   * class path, profiles the measured pass only.
   */
  private static void profiler(String action) throws Exception {
    String library = System.getProperty("probe.profiler");
    if (library == null) {
      return;
    }
    Class<?> c = Class.forName("one.profiler.AsyncProfiler");
    Object p = c.getMethod("getInstance", String.class).invoke(null, library);
    String args = action.equals("start") ? "start," + System.getProperty("probe.profile", "event=cpu") : "stop";
    c.getMethod("execute", String.class).invoke(p, args);
    if (action.equals("stop")) {
      c.getMethod("execute", String.class).invoke(p, System.getProperty("probe.profile", "event=cpu")
          .replaceAll("(^|,)(event|alloc|interval)=[^,]*", "").replaceAll("^,", ""));
    }
  }

  /** {allocated bytes of all live threads, context switches of all threads, process CPU ns, wall ns}. */
  private static long[] sample() throws IOException {
    long allocated = 0;
    for (long id : THREADS.getAllThreadIds()) {
      long a = THREADS.getThreadAllocatedBytes(id);
      if (a > 0) {
        allocated += a;
      }
    }
    long switches = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          for (String line : Files.readAllLines(t.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
              switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException gone) {
          // the thread ended between the listing and the read
        }
      }
    }
    return new long[] {allocated, switches, OS.getProcessCpuTime(), System.nanoTime()};
  }
}
