package dev.sluice.bench;

import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.testing.TwoHundredTables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 200-table schema: {@code generate} (diff from nothing, SQL for the dialect, {@code up.sql},
 * {@code down.sql}, {@code snapshot.json}, {@code sluice.sum} written) into an empty directory,
 * and {@code migrate} of that migration into an empty database (one transaction, the history row,
 * the lock). One shot per invocation: each starts from an empty directory or database, prepared
 * untimed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class MigrationGenerateApplyBenchmark {
  static final SchemaSnapshot SCHEMA = TwoHundredTables.of(200);
  private static final Duration T = Duration.ofMinutes(10);

  @Param({"sqlite", "postgresql"})
  public String dialect;

  MigrationBenchTarget target;
  Path generateInto;
  Migrator generator;
  Migrator applier;

  @Setup(Level.Trial)
  public void open() {
    target = new MigrationBenchTarget(dialect);
  }

  @Setup(Level.Invocation)
  public void prepare() {
    generateInto = target.newDirectory("generate");
    generator = Migrator.builder(target.db()).directory(generateInto).build();
    target.reset();
    Path applyFrom = target.newDirectory("apply");
    applier = Migrator.builder(target.db()).directory(applyFrom).build();
    applier.generate("two_hundred", SCHEMA, RenameResolver.refuse(), false).block(T);
  }

  @TearDown(Level.Trial)
  public void close() {
    target.close();
  }

  @Benchmark
  public Reports.GenerateReport generate200Tables() {
    Reports.GenerateReport r = generator.generate("two_hundred", SCHEMA, RenameResolver.refuse(), false).block(T);
    if (r.plan().changes().size() != 200) {
      throw new IllegalStateException("expected 200 changes, got " + r.plan().changes().size());
    }
    return r;
  }

  @Benchmark
  public Reports.MigrateReport apply200Tables() {
    Reports.MigrateReport r = applier.migrate().block(T);
    if (r.applied().size() != 1) {
      throw new IllegalStateException("expected one migration applied, got " + r.applied());
    }
    return r;
  }
}
