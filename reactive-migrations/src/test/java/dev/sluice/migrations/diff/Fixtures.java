package dev.sluice.migrations.diff;

import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.schema.SqlKind;
import java.util.Comparator;
import java.util.List;

/** Small snapshot builders for diff and rendering tests. */
public final class Fixtures {
  private Fixtures() { }

  public static ColumnSnapshot id() {
    return new ColumnSnapshot("id", ColumnType.of(SqlKind.INTEGER), false, null, true);
  }

  public static ColumnSnapshot varchar(String name, int length) {
    return new ColumnSnapshot(name, new ColumnType(SqlKind.VARCHAR, length, 0, 0, null), true, null, false);
  }

  public static ColumnSnapshot integer(String name) {
    return new ColumnSnapshot(name, ColumnType.of(SqlKind.INTEGER), true, null, false);
  }

  public static TableSnapshot table(String name, ColumnSnapshot... columns) {
    return new TableSnapshot(name, List.of(columns), List.of("id"), List.of(), List.of(), List.of(), List.of());
  }

  public static SchemaSnapshot schema(TableSnapshot... tables) {
    return SchemaSnapshot.of(List.of(), List.of(tables));
  }

  /** The snapshot with every table's columns in name order: databases append added columns at the end. */
  public static SchemaSnapshot columnsByName(SchemaSnapshot s) {
    return new SchemaSnapshot(s.formatVersion(), s.enums(), s.tables().stream()
        .map(t -> t.withColumns(t.columns().stream().sorted(Comparator.comparing(ColumnSnapshot::name)).toList()))
        .toList());
  }
}
