package dev.sluice.query;

import dev.sluice.internal.Executor;
import dev.sluice.internal.ForeignPolicy;

/**
 * Query builders bound to no database, for queries that are part of the schema rather than run by
 * the application: a {@link dev.sluice.schema.View}'s defining query. They build exactly as
 * {@code db.select(...)} does; running one fails with {@link dev.sluice.error.IllegalUseException}.
 *
 * <pre>{@code
 * Statement q = Detached.builders().select(USERS.id, USERS.fullName).from(USERS)
 *     .where(isNotNull(USERS.email)).query();
 * }</pre>
 */
public final class Detached extends QueryStarts {
  private Detached() {
    super(new Executor(null, new dev.sluice.spi.StandardDialect(), false, 0, 0, null, null, ForeignPolicy.FAIL), 1);
  }

  /** Fresh builders that render but never run. */
  public static QueryStarts builders() {
    return new Detached();
  }
}
