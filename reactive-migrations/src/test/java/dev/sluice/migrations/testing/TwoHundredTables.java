package dev.sluice.migrations.testing;

import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema the migration scale ITs and the migration benchmarks generate and apply: {@code n} tables {@code t0..t(n-1)} of five
 * columns (serial key, varchar, decimal, timestamp, a foreign key to the previous table with
 * {@code ON DELETE CASCADE}) and an index each.
 */
public final class TwoHundredTables {
  private TwoHundredTables() { }

  /** The snapshot of {@code n} such tables. */
  public static SchemaSnapshot of(int n) {
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
}
