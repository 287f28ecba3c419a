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
  private final WriteContext writes;

  UpdateTable(Executor executor, Table<R> table, WriteContext writes) {
    this.executor = executor;
    this.table = table;
    this.writes = writes;
  }

  /** {@code SET column = value} (bound). */
  public <T> UpdateSet<R> set(Column<T> column, T value) {
    return new UpdateSet<>(executor, table, List.of(), writes).set(column, value);
  }

  /** {@code SET column = expression}. */
  public <T> UpdateSet<R> set(Column<T> column, Field<T> value) {
    return new UpdateSet<>(executor, table, List.of(), writes).set(column, value);
  }

  /**
   * {@code SET} every column of {@code record} but the primary key and database-generated keys,
   * nulls included: the whole row as the record holds it.
   *
   * <pre>{@code
   * db.update(USERS).set(user).where(eq(USERS.id, user.id())).execute();
   * // PostgreSQL: UPDATE "users" SET "full_name" = $1, "phone" = $2, "email" = $3, "created_at" = $4 WHERE "id" = $5
   * }</pre>
   */
  public UpdateSet<R> set(R record) {
    return new UpdateSet<>(executor, table, RecordAssignments.of(table, record, false), writes);
  }

  /**
   * {@code SET} the columns of {@code record} that are not null (never the primary key): a partial
   * update from a record whose other components are left null.
   */
  public UpdateSet<R> setNonNull(R record) {
    return new UpdateSet<>(executor, table, RecordAssignments.of(table, record, true), writes);
  }

  /**
   * Updates the row with {@code record}'s primary key to the record (every non-key column); on a
   * table with a {@code version()} column, only while the row is still at the record's version.
   */
  public KeyedUpdate<R> byKey(R record) {
    return new KeyedUpdate<>(executor, table, java.util.Objects.requireNonNull(record, "record"), writes);
  }

  /** {@code SET column = column + n}. */
  public <T extends Number> UpdateSet<R> increment(Column<T> column, T n) {
    return new UpdateSet<>(executor, table, List.of(), writes).increment(column, n);
  }

  /** {@code SET column = column - n}. */
  public <T extends Number> UpdateSet<R> decrement(Column<T> column, T n) {
    return new UpdateSet<>(executor, table, List.of(), writes).decrement(column, n);
  }

  /**
   * Restores the soft-deleted rows matching {@code condition}: clears the table's {@code deletedAt()}
   * column where it is set.
   *
   * <pre>{@code
   * db.update(NOTES).restore(eq(NOTES.id, 7)).execute();
   * // PostgreSQL: UPDATE "notes" SET "deleted_at" = $1 WHERE "id" = $2 AND "deleted_at" IS NOT NULL
   * }</pre>
   *
   * @throws IllegalArgumentException when the table has no {@code deletedAt()} column
   */
  public UpdateWhere<R> restore(dev.sluice.sql.Condition condition) {
    Column<?> deletedAt = table.meta().deletedAt();
    if (deletedAt == null) {
      throw new IllegalArgumentException("restore(...) needs a deletedAt() column; table " + table.name()
          + " has none");
    }
    return new UpdateSet<>(executor, table, List.of(Stamps.assign(deletedAt, null)), writes)
        .where(Dsl.and(java.util.Objects.requireNonNull(condition, "condition"), Dsl.isNotNull(deletedAt)));
  }

  /** {@code SET column = NULL}. */
  public <T> UpdateSet<R> setNull(Column<T> column) {
    return new UpdateSet<>(executor, table, List.<Assignment<?>>of(), writes).setNull(column);
  }
}
