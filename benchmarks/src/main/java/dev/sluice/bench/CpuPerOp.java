package dev.sluice.bench;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Client CPU time per operation (all JVM threads: caller, Netty event loop, GC, JIT), printed at the
 * end of each trial for the measurement iterations. On a shared machine wall-clock throughput is
 * noisy; CPU per op is much steadier and shows what the client-side code costs. Benchmarks take it
 * as a parameter and call {@link #op()} once per operation.
 */
@State(Scope.Benchmark)
public class CpuPerOp {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long ops;
  private long iterationStartCpu;
  private long iterationStartOps;
  private long measuredCpu;
  private long measuredOps;
  private boolean measuring;

  public void op() {
    ops++;
  }

  @Setup(Level.Iteration)
  public void startIteration(IterationParams iteration) {
    measuring = iteration.getType() == IterationType.MEASUREMENT;
    iterationStartOps = ops;
    iterationStartCpu = OS.getProcessCpuTime();
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    if (measuring) {
      measuredCpu += OS.getProcessCpuTime() - iterationStartCpu;
      measuredOps += ops - iterationStartOps;
    }
  }

  @TearDown(Level.Trial)
  public void report(BenchmarkParams params) {
    if (measuredOps > 0) {
      System.out.printf("%n[cpu/op] %s: %.1f us of client CPU per op (%d ops)%n",
          params.getBenchmark(), measuredCpu / 1000.0 / measuredOps, measuredOps);
    }
  }
}
