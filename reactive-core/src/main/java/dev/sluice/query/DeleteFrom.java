package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import java.time.Clock;
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
 * <p>On a table with a {@code deletedAt()} column the rows are soft-deleted instead:
 * {@code UPDATE "notes" SET "deleted_at" = $1 WHERE ("id" = $2) AND "deleted_at" IS NULL};
 * {@link #permanently()} deletes them for real.
 *
 * @param <R> the row record
 */
public final class DeleteFrom<R> {
  private final Executor executor;
  private final Table<R> table;
  private final WriteContext writes;
  private final boolean permanent;

  DeleteFrom(Executor executor, Table<R> table, WriteContext writes) {
    this(executor, table, writes, false);
  }

  private DeleteFrom(Executor executor, Table<R> table, WriteContext writes, boolean permanent) {
    this.executor = executor;
    this.table = table;
    this.writes = writes;
    this.permanent = permanent;
  }

  /** A real {@code DELETE}, even on a soft-deleting table. */
  public DeleteFrom<R> permanently() {
    return new DeleteFrom<>(executor, table, writes, true);
  }

  /** Deletes the rows matching {@code condition}. */
  public DeleteWhere<R> where(Condition condition) {
    return new DeleteWhere<>(executor, table, Objects.requireNonNull(condition, "condition"), writes,
        permanent);
  }

  /** Deletes every row of the table, explicitly. */
  public DeleteWhere<R> all() {
    return new DeleteWhere<>(executor, table, null, writes, permanent);
  }
}
