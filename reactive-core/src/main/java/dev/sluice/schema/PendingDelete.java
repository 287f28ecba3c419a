package dev.sluice.schema;

import dev.sluice.sql.Condition;
import dev.sluice.sql.Logical;
import java.util.Objects;

/**
 * A DELETE (or, on a {@code deletedAt()} table, a soft delete) about to be sent, as a
 * {@code beforeDelete} hook sees it: the table and the filter. The hook runs once per statement,
 * never per row; it may narrow the filter with {@link #and}, or refuse with an error.
 *
 * <pre>{@code
 * public final Hook<Note> keepPinned = beforeDelete(d -> Mono.just(d.and(eq(NOTES.pinned, false))));
 * }</pre>
 *
 * @param <R> the row record
 */
public final class PendingDelete<R> {
  private final Table<R> table;
  private final Condition where;
  private final boolean permanent;

  /** A delete from {@code table}; {@code where} null for every row. */
  public PendingDelete(Table<R> table, Condition where, boolean permanent) {
    this.table = Objects.requireNonNull(table, "table");
    this.where = where;
    this.permanent = permanent;
  }

  /** The table rows are deleted from. */
  public Table<R> table() { return table; }

  /** The filter, or null when every row is deleted. */
  public Condition where() { return where; }

  /** True for a real DELETE, false when a {@code deletedAt()} table marks the rows instead. */
  public boolean permanent() { return permanent || table.meta().deletedAt() == null; }

  /** This delete with its filter narrowed by {@code condition} (AND). */
  public PendingDelete<R> and(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return new PendingDelete<>(table, where == null ? condition : Logical.of(true, where, condition), permanent);
  }
}
