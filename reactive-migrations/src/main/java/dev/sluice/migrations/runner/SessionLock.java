package dev.sluice.migrations.runner;

import dev.sluice.Database;
import dev.sluice.migrations.MigrationException;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The database-level lock around a run, taken on the runner's own session so that runners started
 * together apply each migration once, and released by the database if that session dies:
 * <ul>
 *   <li>PostgreSQL: {@code pg_advisory_lock(key)} / {@code pg_advisory_unlock(key)}, the key
 *       derived from the history table's name;</li>
 *   <li>MySQL, MariaDB: {@code GET_LOCK('<history table>', timeout)} / {@code RELEASE_LOCK};</li>
 *   <li>SQLite: no session lock; each migration's transaction starts with {@code BEGIN IMMEDIATE}
 *       (the bridge's default), which takes the database's write lock, and re-reads the history
 *       inside it, so a migration another runner applied meanwhile is skipped;</li>
 *   <li>H2 (in-process, for tests): none.</li>
 * </ul>
 */
interface SessionLock {
  Mono<Void> acquire(Database session);

  Mono<Void> release(Database session);

  static SessionLock forDialect(String dialect, String historyTable, Duration timeout) {
    return switch (dialect) {
      case "postgresql" -> new SessionLock() {
        private final long key = 0x51CE_0000_0000L ^ historyTable.hashCode();
        @Override public Mono<Void> acquire(Database s) {
          return s.sql("SELECT pg_advisory_lock({0})", key).fetch().then();
        }
        @Override public Mono<Void> release(Database s) {
          return s.sql("SELECT pg_advisory_unlock({0})", key).fetch().then();
        }
      };
      case "mysql", "mariadb" -> new SessionLock() {
        @Override public Mono<Void> acquire(Database s) {
          return s.sql("SELECT GET_LOCK({0}, {1}) AS got", historyTable, (int) timeout.toSeconds()).fetch().next()
              .flatMap(r -> {
                Long got = r.get("got", Long.class);
                return got != null && got == 1L ? Mono.<Void>empty()
                    : Mono.error(new MigrationException("Another runner holds the migration lock " + historyTable
                        + " (waited " + timeout.toSeconds() + " s)"));
              });
        }
        @Override public Mono<Void> release(Database s) {
          return s.sql("SELECT RELEASE_LOCK({0})", historyTable).fetch().then();
        }
      };
      default -> new SessionLock() {
        @Override public Mono<Void> acquire(Database s) { return Mono.empty(); }
        @Override public Mono<Void> release(Database s) { return Mono.empty(); }
      };
    };
  }

  /** The dialects whose lock is a session lock (the others rely on per-migration transactions). */
  List<String> SESSION_LOCKED = List.of("postgresql", "mysql", "mariadb");
}
