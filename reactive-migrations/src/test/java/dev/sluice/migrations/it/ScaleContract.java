package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.introspect.Introspector;
import dev.sluice.migrations.runner.HistoryTable;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.testing.TwoHundredTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Migrations at scale, for correctness (their speed is measured by the JMH benchmarks
 * {@code MigrationGenerateApplyBenchmark} and {@code MigrationStatusBenchmark} on the same fixture):
 * a 200-table schema generated and applied in one migration, then {@code status}, {@code migrate}
 * and {@code check} over 1,001 applied migrations.
 */
abstract class ScaleContract {
  private static final Duration T = Duration.ofMinutes(5);
  @TempDir Path dir;

  protected abstract LiveTarget target();

  @Test
  void generatesAndApplies200TablesAndChecks1000AppliedMigrations() throws Exception {
    LiveTarget target = target();
    Database db = target.open();
    try {
      Migrator m = Migrator.builder(db).directory(dir).build();
      Reports.GenerateReport g = m.generate("two_hundred", TwoHundredTables.of(200), RenameResolver.refuse(), false).block(T);
      Reports.MigrateReport r = m.migrate().block(T);
      assertThat(g.plan().changes()).hasSize(200);
      assertThat(r.applied()).hasSize(1);
      SchemaSnapshot live = Introspector.forDialect(db.dialect().name())
          .snapshot(db, java.util.Set.of("sluice_migrations", "sluice_migrations_lock")).block(T);
      assertThat(shape(live)).as("tables, keys, foreign keys and indexes of the database, introspected")
          .isEqualTo(shape(TwoHundredTables.of(200)));

      HistoryTable history = new HistoryTable("sluice_migrations");
      List<HistoryTable.Entry> entries = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        String name = String.format("2999%010d_m%d", i, i);   // after two_hundred: hand-made, no parent to contradict
        Path d = Files.createDirectories(dir.resolve(name));
        String up = "SELECT " + i + ";\n";
        Files.writeString(d.resolve("up.sql"), up);
        entries.add(new HistoryTable.Entry(name, new dev.sluice.migrations.runner.MigrationFiles(name, d, up, null, null).checksum(),
            LocalDateTime.now(), 1L, "speed", true));
      }
      new dev.sluice.migrations.runner.SumFile(dir).write();
      Flux.fromIterable(entries).buffer(200).concatMap(b -> db.insertInto(history).values(b).execute()).blockLast(T);
      Reports.StatusReport s = m.status().block(T);
      Reports.MigrateReport none = m.migrate().block(T);
      Reports.CheckReport checked = m.check().block(T);
      assertThat(checked.ok()).as(checked.toString()).isTrue();
      assertThat(s.applied()).hasSize(1001);
      assertThat(none.applied()).isEmpty();
    } finally {
      db.close().block(T);
    }
  }

  /** Per table: its name, primary key, foreign keys and indexes by name (column types differ by database). */
  private static List<String> shape(SchemaSnapshot schema) {
    return schema.tables().stream().map(t -> t.name() + " pk=" + t.primaryKey()
            + " fks=" + t.foreignKeys().stream().map(f -> f.name() + "->" + f.referencedTable() + " " + f.onDelete()).toList()
            + " indexes=" + t.indexes().stream().map(i -> i.name() + i.columns()).toList())
        .sorted().toList();
  }
}
