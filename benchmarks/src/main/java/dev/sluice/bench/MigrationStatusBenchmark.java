package dev.sluice.bench;

import dev.sluice.migrations.runner.HistoryTable;
import dev.sluice.migrations.runner.MigrationFiles;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.runner.SumFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
import reactor.core.publisher.Flux;

/**
 * {@code status} over 1,000 applied migrations: the directory read and checked against
 * {@code sluice.sum} (1,000 migration directories, each hashed), the history table read, and every
 * migration compared by name and checksum. Each migration is one {@code SELECT n;}, recorded as
 * applied in the history table directly (untimed, in the trial setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class MigrationStatusBenchmark {
  static final int MIGRATIONS = 1000;
  private static final Duration T = Duration.ofMinutes(5);

  @Param({"sqlite", "postgresql"})
  public String dialect;

  MigrationBenchTarget target;
  Migrator migrator;

  @Setup(Level.Trial)
  public void open() {
    target = new MigrationBenchTarget(dialect);
    Path dir = target.newDirectory("status");
    HistoryTable history = new HistoryTable("sluice_migrations");
    List<HistoryTable.Entry> entries = new ArrayList<>();
    try {
      for (int i = 0; i < MIGRATIONS; i++) {
        String name = String.format("2026%010d_m%d", i, i);
        Path d = Files.createDirectories(dir.resolve(name));
        String up = "SELECT " + i + ";\n";
        Files.writeString(d.resolve("up.sql"), up);
        entries.add(new HistoryTable.Entry(name, new MigrationFiles(name, d, up, null, null).checksum(),
            LocalDateTime.now(), 1L, "bench", true));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new SumFile(dir).write();
    target.db().createTables(history).block(T);
    Flux.fromIterable(entries).buffer(200).concatMap(b -> target.db().insertInto(history).values(b).execute()).blockLast(T);
    migrator = Migrator.builder(target.db()).directory(dir).build();
  }

  @TearDown(Level.Trial)
  public void close() {
    target.close();
  }

  @Benchmark
  public Reports.StatusReport status1000Applied() {
    Reports.StatusReport r = migrator.status().block(T);
    if (r.applied().size() != MIGRATIONS) {
      throw new IllegalStateException("expected " + MIGRATIONS + " applied, got " + r.applied().size());
    }
    return r;
  }
}
