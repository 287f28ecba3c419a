package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Field;
import dev.sluice.sql.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * An UPDATE with its assignments; finish it with {@link #where} or {@link #all}.
 *
 * @param <R> the row record
 */
public final class UpdateSet<R> {
  private final Executor executor;
  private final Table<R> table;
  private final List<Assignment<?>> assignments;

  UpdateSet(Executor executor, Table<R> table, List<Assignment<?>> assignments) {
    this.executor = executor;
    this.table = table;
    this.assignments = List.copyOf(assignments);
  }

  /** Adds {@code SET column = value} (bound). */
  public <T> UpdateSet<R> set(Column<T> column, T value) {
    return add(new Assignment<>(own(column), new Param<>(value, column.dataType())));
  }

  /** Adds {@code SET column = expression}. */
  public <T> UpdateSet<R> set(Column<T> column, Field<T> value) {
    return add(new Assignment<>(own(column), value.expr()));
  }

  /** Adds {@code SET column = NULL}. */
  public <T> UpdateSet<R> setNull(Column<T> column) {
    return add(new Assignment<>(own(column), new Param<>(null, column.dataType())));
  }

  /** Updates the rows matching {@code condition}. */
  public UpdateWhere<R> where(Condition condition) {
    return new UpdateWhere<>(executor, table, assignments, java.util.Objects.requireNonNull(condition));
  }

  /** Updates every row of the table, explicitly. */
  public UpdateWhere<R> all() {
    return new UpdateWhere<>(executor, table, assignments, null);
  }

  private UpdateSet<R> add(Assignment<?> a) {
    List<Assignment<?>> next = new ArrayList<>(assignments);
    next.add(a);
    return new UpdateSet<>(executor, table, next);
  }

  private <T> Column<T> own(Column<T> column) {
    if (column.table() != table) {
      throw new IllegalArgumentException("Column " + column + " does not belong to table "
          + table.name());
    }
    return column;
  }
}
