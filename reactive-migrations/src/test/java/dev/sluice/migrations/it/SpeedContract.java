package dev.sluice.migrations.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.migrations.diff.RenameResolver;
import dev.sluice.migrations.runner.HistoryTable;
import dev.sluice.migrations.runner.Migrator;
import dev.sluice.migrations.runner.Reports;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
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
 * Timings printed for the report (the issue asks for them in the benchmarks module later): generating
 * and applying a 200-table schema, and {@code status}/{@code migrate} over 1,000 applied migrations.
 * The bounds only catch a pathological slowdown.
 */
abstract class SpeedContract {
  private static final Duration T = Duration.ofMinutes(5);
  @TempDir Path dir;

  protected abstract LiveTarget target();

  static SchemaSnapshot tables(int n) {
    List<TableSnapshot> tables = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<ColumnSnapshot> cols = List.of(
          new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true),
          new ColumnSnapshot("name", new ColumnType(SqlKind.VARCHAR, 100, 0, 0, null), false, null, false),
          new ColumnSnapshot("amount", new ColumnType(SqlKind.DECIMAL, 0, 12, 2, null), true, null, false),
          new ColumnSnapshot("created", ColumnType.of(SqlKind.TIMESTAMP), true, null, false),
          new ColumnSnapshot("parent_id", ColumnType.of(SqlKind.INTEGER), true, null, false));
      List<ForeignKeySnapshot> fks = i == 0 ? List.of() : List.of(new ForeignKeySnapshot("t" + i + "_parent_id_fkey",
          List.of("parent_id"), "t" + (i - 1), List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));
      tables.add(new TableSnapshot("t" + i, cols, List.of("id"), fks, List.of(),
          List.of(new IndexSnapshot("t" + i + "_name_index", List.of("name"), false, null)), List.of()));
    }
    return SchemaSnapshot.of(List.of(), tables);
  }

  @Test
  void generatesAndApplies200TablesAndChecks1000AppliedMigrations() throws Exception {
    LiveTarget target = target();
    Database db = target.open();
    try {
      Migrator m = Migrator.builder(db).directory(dir).build();
      long t0 = System.nanoTime();
      Reports.GenerateReport g = m.generate("two_hundred", tables(200), RenameResolver.refuse(), false).block(T);
      long t1 = System.nanoTime();
      Reports.MigrateReport r = m.migrate().block(T);
      long t2 = System.nanoTime();
      assertThat(g.plan().changes()).hasSize(200);
      assertThat(r.applied()).hasSize(1);

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
      long t3 = System.nanoTime();
      Reports.StatusReport s = m.status().block(T);
      long t4 = System.nanoTime();
      Reports.MigrateReport none = m.migrate().block(T);
      long t5 = System.nanoTime();
      Reports.CheckReport checked = m.check().block(T);
      long t6 = System.nanoTime();
      assertThat(checked.ok()).as(checked.toString()).isTrue();
      assertThat(s.applied()).hasSize(1001);
      assertThat(none.applied()).isEmpty();
      System.out.printf("[speed %s] generate 200 tables: %d ms; apply them: %d ms; status over 1,001 applied: %d ms;"
              + " migrate with nothing pending over 1,001: %d ms; check (sluice.sum, parents, history) over 1,001: %d ms%n",
          target.dialect(), ms(t1 - t0), ms(t2 - t1), ms(t4 - t3), ms(t5 - t4), ms(t6 - t5));
      assertThat(ms(t2 - t0)).isLessThan(120_000);
      assertThat(ms(t5 - t3)).isLessThan(30_000);
    } finally {
      db.close().block(T);
    }
  }

  private static long ms(long nanos) {
    return Duration.ofNanos(nanos).toMillis();
  }
}
