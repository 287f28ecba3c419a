package dev.sluice.migrations.cli;

import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.studio.StudioColumn;
import dev.sluice.studio.StudioTable;
import java.util.List;

/** The studio's table model of an introspected schema: names, kinds, sizes, nullability and keys. */
final class StudioTables {
  private StudioTables() { }

  /** Every table of {@code schema}, in its order; a table without columns is left out. */
  static List<StudioTable> of(SchemaSnapshot schema) {
    return schema.tables().stream().filter(t -> !t.columns().isEmpty()).map(StudioTables::of).toList();
  }

  static StudioTable of(TableSnapshot table) {
    return new StudioTable(table.name(), table.columns().stream().map(c -> column(table, c)).toList());
  }

  private static StudioColumn column(TableSnapshot table, ColumnSnapshot c) {
    boolean key = table.primaryKey().contains(c.name());
    return new StudioColumn(c.name(), c.type().kind(), c.nullable() && !key, key, c.type().length(),
        c.type().precision(), c.type().scale());
  }
}
