package dev.sluice.schema;

import dev.sluice.sql.Assignment;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Logical;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An UPDATE about to be sent, as a {@code beforeUpdate} hook sees it: its assignments, its filter
 * and, for an update from a record ({@code update(table).byKey(record)}, {@code save}), that record.
 * Immutable: {@link #set} and {@link #and} return a new one, which the hook emits. A bulk update by
 * {@code where} runs the hook once, on the statement, never per row.
 *
 * <pre>{@code
 * public final Hook<Note> stampEditor = beforeUpdate(u -> Mono.just(u.set(NOTES.editedBy, "system")));
 * }</pre>
 *
 * @param <R> the row record
 */
public final class PendingUpdate<R> {
  private final Table<R> table;
  private final List<Assignment<?>> assignments;
  private final Condition where;
  private final R record;

  /** An update of {@code table}; {@code where} null for every row, {@code record} null for a bulk update. */
  public PendingUpdate(Table<R> table, List<Assignment<?>> assignments, Condition where, R record) {
    this.table = Objects.requireNonNull(table, "table");
    this.assignments = List.copyOf(assignments);
    this.where = where;
    this.record = record;
  }

  /** The updated table. */
  public Table<R> table() { return table; }

  /** The {@code SET} list, in order (the columns Sluice stamps itself are added after the hooks). */
  public List<Assignment<?>> assignments() { return assignments; }

  /** The filter, or null when every row is updated. */
  public Condition where() { return where; }

  /** The record of an update from a record, or null for a bulk update. */
  public R record() { return record; }

  /** True when the update sets {@code column}. */
  public boolean sets(Column<?> column) {
    for (Assignment<?> a : assignments) {
      if (a.column().equals(column)) {
        return true;
      }
    }
    return false;
  }

  /** The bound value the update gives {@code column}, or null when it sets none or sets an expression. */
  @SuppressWarnings("unchecked")
  public <T> T valueOf(Column<T> column) {
    for (Assignment<?> a : assignments) {
      if (a.column().equals(column) && a.value() instanceof Param<?> p) {
        return (T) p.value();
      }
    }
    return null;
  }

  /** This update also setting {@code column = value} (bound), replacing an assignment of that column. */
  public <T> PendingUpdate<R> set(Column<T> column, T value) {
    if (column.table() != table) {
      throw new IllegalArgumentException("Column " + column + " does not belong to table " + table.name());
    }
    List<Assignment<?>> next = new ArrayList<>(assignments.size() + 1);
    for (Assignment<?> a : assignments) {
      if (!a.column().equals(column)) {
        next.add(a);
      }
    }
    next.add(new Assignment<>(column, new Param<>(value, column.dataType())));
    return new PendingUpdate<>(table, next, where, record);
  }

  /** This update with its filter narrowed by {@code condition} (AND). */
  public PendingUpdate<R> and(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return new PendingUpdate<>(table, assignments, where == null ? condition : Logical.of(true, where, condition),
        record);
  }
}
