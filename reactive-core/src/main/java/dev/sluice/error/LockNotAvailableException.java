package dev.sluice.error;

/**
 * A row or table lock could not be had: {@code forUpdateNoWait()} found the row locked, or a lock
 * wait timed out (PostgreSQL 55P03, MySQL and MariaDB 1205 and 3572, SQLite {@code SQLITE_BUSY}).
 * Only the statement failed; trying again later may succeed.
 *
 * <pre>{@code
 * db.selectFrom(JOBS).where(eq(JOBS.id, id)).forUpdateNoWait().fetchOne()
 *     .onErrorResume(LockNotAvailableException.class, e -> Mono.empty()); // someone else has it
 * }</pre>
 */
public class LockNotAvailableException extends ConcurrencyFailureException {
  public LockNotAvailableException(String message, Throwable cause, String sql) {
    super(message, cause, sql);
  }
}
