package dev.sluice.migrations.runner;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The database-level lock around a run, taken on the runner's own session so that runners started
 * together apply each migration once, and released by the database if that session dies. It is
 * exclusive per database: runners on two databases of one server never wait on each other.
 * <ul>
 *   <li>PostgreSQL: {@code pg_advisory_lock(key)} / {@code pg_advisory_unlock(key)}, the key
 *       derived from the history table's name (advisory locks are per database);</li>
 *   <li>MySQL, MariaDB: {@code GET_LOCK(name, timeout)} / {@code RELEASE_LOCK(name)}; named locks
 *       are server-wide, so the name is the session's database and the history table's name
 *       ({@link MySqlLockName}: {@code shop.sluice_migrations}, hashed past 64 characters);</li>
 *   <li>SQLite: no session lock; each migration's transaction starts with {@code BEGIN IMMEDIATE}
 *       (the bridge's default), which takes the database's write lock, and re-reads the history
 *       inside it, so a migration another runner applied meanwhile is skipped;</li>
 *   <li>H2 (in-process, for tests): none.</li>
 * </ul>
 */
interface SessionLock {
  /** Takes the lock on {@code session}; the lock it emits releases itself on the same session. */
  Mono<Held> acquire(Database session);

  /** A lock taken. */
  interface Held {
    Mono<Void> release();
  }

  Held NOTHING = Mono::empty;

  static SessionLock forDialect(String dialect, String historyTable, Duration timeout) {
    return switch (dialect) {
      case "postgresql" -> s -> {
        long key = 0x51CE_0000_0000L ^ historyTable.hashCode();
        return s.sql("SELECT pg_advisory_lock({0})", key).fetch().then()
            .thenReturn(() -> s.sql("SELECT pg_advisory_unlock({0})", key).fetch().then());
      };
      case "mysql", "mariadb" -> s -> s.sql("SELECT DATABASE() AS db").fetch().next()
          .map(r -> MySqlLockName.of(r.get("db", String.class), historyTable))
          .flatMap(name -> s.sql("SELECT GET_LOCK({0}, {1}) AS got", name, (int) timeout.toSeconds()).fetch().next()
              .flatMap(r -> {
                Number got = r.get("got", Number.class);
                return got != null && got.longValue() == 1L
                    ? Mono.<Held>just(() -> s.sql("SELECT RELEASE_LOCK({0})", name).fetch().then())
                    : Mono.error(new MigrationException("Another runner holds the migration lock " + name
                        + " (waited " + timeout.toSeconds() + " s)"));
              }));
      default -> s -> Mono.just(NOTHING);
    };
  }
}
