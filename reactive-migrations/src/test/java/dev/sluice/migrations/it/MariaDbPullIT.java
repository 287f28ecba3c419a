package dev.sluice.migrations.it;

import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import java.util.ArrayList;
import java.util.List;

class MariaDbPullIT extends PullContract {
  @Override protected LiveTarget target(String purpose) { return LiveTarget.mariadb(purpose); }

  /** MariaDB reports a unique index as a unique constraint (one object there), which schema code declares as a unique index. */
  @Override protected SchemaSnapshot compared(SchemaSnapshot s) {
    List<TableSnapshot> tables = new ArrayList<>();
    for (TableSnapshot t : s.tables()) {
      List<UniqueSnapshot> uniques = new ArrayList<>(t.uniques());
      t.indexes().stream().filter(i -> i.unique() && i.where() == null).forEach(i -> uniques.add(new UniqueSnapshot(i.name(), i.columns())));
      List<IndexSnapshot> indexes = t.indexes().stream().filter(i -> !i.unique() || i.where() != null).toList();
      tables.add(new TableSnapshot(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), uniques, indexes, t.checks()));
    }
    return SchemaSnapshot.of(s.enums(), tables);
  }
}
