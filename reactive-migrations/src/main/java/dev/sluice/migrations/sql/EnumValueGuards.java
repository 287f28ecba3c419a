package dev.sluice.migrations.sql;

import dev.sluice.migrations.diff.Change;
import dev.sluice.migrations.diff.Change.DropColumn;
import dev.sluice.migrations.diff.Change.DropEnumValue;
import dev.sluice.migrations.diff.Change.DropTable;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The guard steps at the top of a script that removes enum labels, for databases that check them
 * first ({@link StandardMigrationSql#guardsEnumValueRemoval()}): one per column that may still hold
 * a removed label, skipping columns and tables the same script drops.
 */
final class EnumValueGuards {
  /** The guard statement for one column and label, in the database's spelling. */
  @FunctionalInterface
  interface GuardSql {
    String of(String table, String column, String label);
  }

  private EnumValueGuards() {}

  static List<MigrationScript.Step> plan(SchemaSnapshot start, List<Change> changes, GuardSql sql) {
    Set<String> droppedTables = new HashSet<>();
    Set<String> droppedColumns = new HashSet<>();
    for (Change c : changes) {
      if (c instanceof DropTable d) {
        droppedTables.add(d.table().name());
      } else if (c instanceof DropColumn d) {
        droppedColumns.add(d.table() + "." + d.column().name());
      }
    }
    List<MigrationScript.Step> out = new ArrayList<>();
    for (Change c : changes) {
      if (c instanceof DropEnumValue d) {
        for (TableSnapshot t : start.tables()) {
          for (ColumnSnapshot col : t.columns()) {
            if (col.type().kind() == SqlKind.ENUM && d.before().name().equals(col.type().name())
                && !droppedTables.contains(t.name()) && !droppedColumns.contains(t.name() + "." + col.name())) {
              out.add(new MigrationScript.Step("refuse to drop value '" + d.value() + "' of enum " + d.before().name()
                  + " while rows of " + t.name() + "." + col.name() + " hold it",
                  List.of(sql.of(t.name(), col.name(), d.value()))));
            }
          }
        }
      }
    }
    return out;
  }
}
