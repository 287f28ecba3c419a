package dev.sluice.internal;

import dev.sluice.sql.CompoundSelect;
import dev.sluice.sql.CountQuery;
import dev.sluice.sql.Param;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.Statement;

/**
 * Which reads return few rows by construction, so a driver may read them in one execution
 * ({@link dev.sluice.spi.Dialect#prepareBoundedRead}): a count, and a SELECT (or set operation)
 * whose bound {@code LIMIT} is at most {@link #MAX_ROWS}, as {@code fetchOne()} ({@code LIMIT 2}),
 * {@code fetchFirst()} and {@code exists()} ({@code LIMIT 1}) and a page of {@code paginate}.
 */
final class BoundedReads {
  /** The largest {@code LIMIT} that counts as a small result: {@value}. */
  static final long MAX_ROWS = 1_000;

  private BoundedReads() {}

  static boolean small(Statement statement) {
    if (statement instanceof CountQuery) {
      return true;
    }
    if (statement instanceof SelectQuery q) {
      return atMost(q.limit());
    }
    return statement instanceof CompoundSelect c && atMost(c.limit());
  }

  private static boolean atMost(Param<Long> limit) {
    return limit != null && limit.value() != null && limit.value() >= 0 && limit.value() <= MAX_ROWS;
  }
}
