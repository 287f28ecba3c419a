package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code SET} list of an update taken from a whole record: every non-key column, or the non-null ones. */
final class RecordAssignments {
  private RecordAssignments() {}

  static <R> List<Assignment<?>> of(Table<R> table, R record, boolean nonNullOnly) {
    Objects.requireNonNull(record, "record");
    RecordMapping<R> m = InsertRows.mapping(table);
    List<Column<?>> columns = m.columns();
    List<Assignment<?>> out = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column<?> c = columns.get(i);
      if (c.isPrimaryKey() || table.meta().primaryKey().contains(c) || c.dataType().kind().isGenerated()
          || c.isGeneratedAlways() || c.role() != dev.sluice.schema.ColumnRole.NONE) {
        continue;
      }
      Object v = m.get(record, i);
      if (v != null || !nonNullOnly) {
        out.add(assign(c, v));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Nothing to update in " + table.name() + ": "
          + (nonNullOnly ? "every non-key component of the record is null" : "it has no non-key column"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> Assignment<T> assign(Column<T> column, Object value) {
    return new Assignment<>(column, new Param<>((T) value, column.dataType()));
  }
}
