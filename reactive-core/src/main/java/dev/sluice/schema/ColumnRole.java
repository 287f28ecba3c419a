package dev.sluice.schema;

/**
 * What Sluice writes into a column by itself: the creation and update times, the soft-delete mark
 * and the optimistic-lock version. Declared with {@link Column#createdAt()}, {@link Column#updatedAt()}, {@link Column#deletedAt()},
 * and read once per table into {@link TableMeta}.
 */
public enum ColumnRole {
  /** An ordinary column: Sluice writes only what the caller gives. */
  NONE,
  /** Set from the database's {@code Clock} when a row is inserted; never changed by an update. */
  CREATED_AT,
  /** Set from the database's {@code Clock} when a row is inserted and on every update. */
  UPDATED_AT,
  /**
   * The soft-delete mark: {@code deleteFrom} sets it to the clock's time instead of deleting, and
   * every select and relation load skips rows where it is set.
   */
  DELETED_AT,
  /**
   * The optimistic-lock version: 1 on insert, incremented by every update; an update by primary key
   * ({@code update(table).byKey(record)}, {@code save}) only matches the row at the record's version.
   */
  VERSION
}
