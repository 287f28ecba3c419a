package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import java.util.Objects;

/**
 * {@code db.deleteFrom(USERS)}: nothing runs until a {@code where(...)} or an explicit
 * {@code all()} is given.
 *
 * <pre>{@code
 * db.deleteFrom(USERS).where(eq(USERS.name, "Dan")).execute();
 * // PostgreSQL: DELETE FROM "users" WHERE "name" = $1
 * }</pre>
 *
 * @param <R> the row record
 */
public final class DeleteFrom<R> {
  private final Executor executor;
  private final Table<R> table;

  DeleteFrom(Executor executor, Table<R> table) {
    this.executor = executor;
    this.table = table;
  }

  /** Deletes the rows matching {@code condition}. */
  public DeleteWhere<R> where(Condition condition) {
    return new DeleteWhere<>(executor, table, Objects.requireNonNull(condition, "condition"));
  }

  /** Deletes every row of the table, explicitly. */
  public DeleteWhere<R> all() {
    return new DeleteWhere<>(executor, table, null);
  }
}
