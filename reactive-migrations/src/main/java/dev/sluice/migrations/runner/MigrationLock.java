package dev.sluice.migrations.runner;

import dev.sluice.Database;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The database-level lock the runner holds around a run, for other tools that must not run twice at
 * once ({@link dev.sluice.migrations.seed.Seeds} takes it): {@code work} gets a session of its own
 * (one connection) that holds {@code pg_advisory_lock} on PostgreSQL or {@code GET_LOCK} on MySQL
 * and MariaDB, released when the work ends or the session dies. The lock is per database: on MySQL
 * and MariaDB, whose named locks are server-wide, its name is {@code <database>.<name>} (hashed past
 * 64 characters), so work on two databases of one server runs at once. SQLite and H2 have no session lock:
 * there, transactions that re-read what they guard (SQLite's {@code BEGIN IMMEDIATE}) keep work once-only.
 *
 * <pre>{@code
 * MigrationLock.around(db, "sluice_seeds", Duration.ofMinutes(5), session -> seedAll(session));
 * // PostgreSQL: SELECT pg_advisory_lock($1) ... SELECT pg_advisory_unlock($1)
 * }</pre>
 */
public final class MigrationLock {
  private MigrationLock() { }

  /** Runs {@code work} on a session holding the lock named {@code name}, waiting up to {@code timeout} (MySQL, MariaDB) for it. */
  public static <T> Mono<T> around(Database db, String name, Duration timeout, Function<Database, Mono<T>> work) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(work, "work");
    return Mono.defer(() -> RunnerSession.locked(db, name, timeout, false, work));
  }
}
