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
    TableMeta<?> meta = table.meta();
    Column<?> updatedAt = meta.updatedAt();
    Column<?> version = meta.version();
    if (updatedAt == null && version == null) {
      return assignments;
    }
    boolean setsTime = updatedAt == null;
    boolean setsVersion = version == null;
    for (Assignment<?> a : assignments) {
      setsTime |= a.column().equals(updatedAt);
      setsVersion |= a.column().equals(version);
    }
    if (setsTime && setsVersion) {
      return assignments;
    }
    List<Assignment<?>> out = new ArrayList<>(assignments.size() + 2);
    out.addAll(assignments);
    if (!setsTime) {
      out.add(assign(updatedAt, now(updatedAt, clock)));
    }
    if (!setsVersion) {
      out.add(increment(version));
    }
    return out;
  }

  /** {@code version = version + 1}. */
  @SuppressWarnings("unchecked")
  private static <T> Assignment<T> increment(Column<T> version) {
    T one = (T) (version.dataType().javaType() == Long.class ? (Object) 1L : (Object) 1);
    return new Assignment<>(version, new dev.sluice.sql.Arithmetic<>(dev.sluice.sql.Arithmetic.Op.ADD,
        version.expr(), new Param<>(one, version.dataType()), version.dataType()));
  }

  /** True for a column whose value Sluice fills on insert when none is given. */
  static boolean filledOnInsert(TableMeta<?> meta, Column<?> column) {
    return column.equals(meta.createdAt()) || column.equals(meta.updatedAt()) || column.equals(meta.version());
  }

  /** What Sluice writes into a managed column a new row leaves null: the clock's time, or version 1. */
  static Object onInsert(TableMeta<?> meta, Column<?> column, Clock clock) {
    if (column.equals(meta.version())) {
      return column.dataType().javaType() == Long.class ? (Object) 1L : (Object) 1;
    }
    return now(column, clock);
  }

  /**
   * An upsert that never overwrites the creation time of the existing row and, unless it does
   * nothing, always sets its update time.
   */
  static dev.sluice.sql.Upsert forUpsert(TableMeta<?> meta, dev.sluice.sql.Upsert upsert) {
    if (upsert == null || !meta.managesWrites() || upsert.doNothing()) {
      return upsert;
    }
    List<Column<?>> update = new ArrayList<>(upsert.update());
    if (meta.createdAt() != null) {
      update.remove(meta.createdAt());
    }
    if (meta.version() != null) {
      update.remove(meta.version()); // an upsert keeps the stored version: it cannot add 1 to it
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
