package dev.sluice.migrations.snapshot;

import dev.sluice.schema.ReferentialAction;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name              the constraint name ({@code <table>_<column>_fkey} for keys declared in code)
 * @param columns           the referencing columns, in order
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, in order
 * @param onDelete          the {@code ON DELETE} action
 * @param onUpdate          the {@code ON UPDATE} action
 */
public record ForeignKeySnapshot(String name, List<String> columns, String referencedTable,
                                 List<String> referencedColumns, ReferentialAction onDelete,
                                 ReferentialAction onUpdate) {
  public ForeignKeySnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
    onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
  }
}
