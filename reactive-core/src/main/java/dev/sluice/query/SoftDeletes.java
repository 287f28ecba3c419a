package dev.sluice.query;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Logical;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.SelectQuery;
import java.util.List;

/**
 * The filter of a soft-deleting table ({@code deletedAt()}): {@code "deleted_at" IS NULL}, put first
 * in the WHERE of every select started from the table, so that {@code withDeleted()} can take it out
 * again. A table without such a column costs one field check when the select starts.
 */
final class SoftDeletes {
  private SoftDeletes() {}

  /** {@code deleted_at IS NULL} for a soft-deleting table, else null. */
  static Condition live(Table<?> table) {
    Column<?> d = table == null || table.source() != null ? null : table.meta().deletedAt();
    return d == null ? null : new NullCheck(d.expr(), false);
  }

  /** {@code query} with the filter of its FROM table added in front of its WHERE. */
  static SelectQuery filtered(SelectQuery query) {
    Condition live = live(query.from());
    if (live == null) {
      return query;
    }
    return query.withWhere(query.where() == null ? live : Logical.of(true, live, query.where()));
  }

  /** {@code query} without the filter {@link #filtered} added (unchanged when there is none). */
  static SelectQuery unfiltered(SelectQuery query) {
    Condition live = live(query.from());
    Condition where = query.where();
    if (live == null || where == null) {
      return query;
    }
    if (where.equals(live)) {
      return query.withWhere(null);
    }
    if (where instanceof Logical l && l.and() && l.operands().get(0).equals(live)) {
      List<Condition> rest = l.operands().subList(1, l.operands().size());
      return query.withWhere(Logical.of(true, rest.toArray(Condition[]::new)));
    }
    return query;
  }

  /** {@code query} reading only the soft-deleted rows of its FROM table. */
  static SelectQuery onlyDeleted(SelectQuery query) {
    Column<?> d = query.from() == null ? null : query.from().meta().deletedAt();
    if (d == null) {
      throw new IllegalArgumentException("onlyDeleted() needs a table with a deletedAt() column; "
          + (query.from() == null ? "the query has no FROM table" : query.from().name() + " has none"));
    }
    SelectQuery all = unfiltered(query);
    Condition deleted = new NullCheck(d.expr(), true);
    return all.withWhere(all.where() == null ? deleted : Logical.of(true, deleted, all.where()));
  }
}
