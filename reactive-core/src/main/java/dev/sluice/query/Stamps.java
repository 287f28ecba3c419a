package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.schema.TableMeta;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Param;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The times Sluice writes into {@code createdAt()}/{@code updatedAt()} columns, read from the
 * {@code Database}'s clock once per statement. A table without such columns costs one field check.
 */
final class Stamps {
  private Stamps() {}

  /** The clock's current time as {@code column}'s Java type (timestamptz or timestamp). */
  static Object now(Column<?> column, Clock clock) {
    return column.dataType().javaType() == LocalDateTime.class ? LocalDateTime.now(clock)
        : OffsetDateTime.now(clock);
  }

  /** {@code assignments} with {@code updated_at = now} added, unless the table has none or they set it. */
  static List<Assignment<?>> onUpdate(Table<?> table, List<Assignment<?>> assignments, Clock clock) {
    Column<?> updatedAt = table.meta().updatedAt();
    if (updatedAt == null) {
      return assignments;
    }
    for (Assignment<?> a : assignments) {
      if (a.column().equals(updatedAt)) {
        return assignments;
      }
    }
    List<Assignment<?>> out = new ArrayList<>(assignments.size() + 1);
    out.addAll(assignments);
    out.add(assign(updatedAt, now(updatedAt, clock)));
    return out;
  }

  /** True for a column whose value Sluice fills on insert when none is given. */
  static boolean filledOnInsert(TableMeta<?> meta, Column<?> column) {
    return column.equals(meta.createdAt()) || column.equals(meta.updatedAt());
  }

  /**
   * An upsert that never overwrites the creation time of the existing row and, unless it does
   * nothing, always sets its update time.
   */
  static dev.sluice.sql.Upsert forUpsert(TableMeta<?> meta, dev.sluice.sql.Upsert upsert) {
    if (upsert == null || !meta.hasTimestamps() || upsert.doNothing()) {
      return upsert;
    }
    List<Column<?>> update = new ArrayList<>(upsert.update());
    if (meta.createdAt() != null) {
      update.remove(meta.createdAt());
    }
    if (meta.updatedAt() != null && !update.contains(meta.updatedAt())
        && !upsert.conflict().contains(meta.updatedAt())) {
      update.add(meta.updatedAt());
    }
    return new dev.sluice.sql.Upsert(upsert.conflict(), update);
  }

  @SuppressWarnings("unchecked")
  static <T> Assignment<T> assign(Column<T> column, Object value) {
    return new Assignment<>(column, new Param<>((T) value, column.dataType()));
  }
}
