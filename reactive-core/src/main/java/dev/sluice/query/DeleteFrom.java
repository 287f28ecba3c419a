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
  private final Clock clock;
  private final boolean permanent;

  DeleteFrom(Executor executor, Table<R> table, Clock clock) {
    this(executor, table, clock, false);
  }

  private DeleteFrom(Executor executor, Table<R> table, Clock clock, boolean permanent) {
    this.executor = executor;
    this.table = table;
    this.clock = clock;
    this.permanent = permanent;
  }

  /** A real {@code DELETE}, even on a soft-deleting table. */
  public DeleteFrom<R> permanently() {
    return new DeleteFrom<>(executor, table, clock, true);
  }

  /** Deletes the rows matching {@code condition}. */
  public DeleteWhere<R> where(Condition condition) {
    return new DeleteWhere<>(executor, table, Objects.requireNonNull(condition, "condition"), clock,
        permanent);
  }

  /** Deletes every row of the table, explicitly. */
  public DeleteWhere<R> all() {
    return new DeleteWhere<>(executor, table, null, clock, permanent);
  }
}
