package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.Field;
import java.util.List;

/**
 * {@code db.update(USERS)}: the first {@code set}. Nothing runs until a {@code where(...)} or an
 * explicit {@code all()} is given.
 *
 * <pre>{@code
 * db.update(USERS).set(USERS.name, "Mr. Dan").where(eq(USERS.name, "Dan")).execute();
 * // PostgreSQL: UPDATE "users" SET "name" = $1 WHERE "name" = $2
 * }</pre>
 *
 * @param <R> the row record
 */
public final class UpdateTable<R> {
  private final Executor executor;
  private final Table<R> table;

  UpdateTable(Executor executor, Table<R> table) {
    this.executor = executor;
    this.table = table;
  }

  /** {@code SET column = value} (bound). */
  public <T> UpdateSet<R> set(Column<T> column, T value) {
    return new UpdateSet<>(executor, table, List.of()).set(column, value);
  }

  /** {@code SET column = expression}. */
  public <T> UpdateSet<R> set(Column<T> column, Field<T> value) {
    return new UpdateSet<>(executor, table, List.of()).set(column, value);
  }

  /** {@code SET column = NULL}. */
  public <T> UpdateSet<R> setNull(Column<T> column) {
    return new UpdateSet<>(executor, table, List.<Assignment<?>>of()).setNull(column);
  }
}
