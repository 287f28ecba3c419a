package dev.sluice.migrations.runner;

import dev.sluice.Database;
import dev.sluice.spi.ConnectionSource;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The runner's own session: one connection, held throughout, that holds the migration lock
 * ({@link SessionLock}) and has the history table. SQLite's session runs with foreign keys off (the
 * rebuild procedure), checked by {@code PRAGMA foreign_key_check} in the scripts.
 */
final class RunnerSession {
  private RunnerSession() { }

  static <T> Mono<T> locked(Database db, HistoryTable history, Duration lockTimeout, Function<Database, Mono<T>> work) {
    return locked(db, history.name(), lockTimeout, true, s -> s.createTables(history).then(work.apply(s)));
  }

  /** Runs {@code work} on a session holding the lock {@code lockName}; on SQLite with foreign keys off when asked. */
  static <T> Mono<T> locked(Database db, String lockName, Duration lockTimeout, boolean sqliteForeignKeysOff,
      Function<Database, Mono<T>> work) {
    String dialect = db.dialect().name();
    SessionLock lock = SessionLock.forDialect(dialect, lockName, lockTimeout);
    boolean sqlite = dialect.equals("sqlite") && sqliteForeignKeysOff;
    return Mono.usingWhen(Mono.from(db.connectionFactory().create()),
        (Connection c) -> {
          Database session = Database.builder()
              .connectionFactory(new PinnedConnectionFactory(c, db.connectionFactory().getMetadata()))
              .dialect(db.dialect()).pooled(false).outsideTransactions(ConnectionSource.NONE).build();
          Mono<Void> setUp = sqlite ? session.sql("PRAGMA foreign_keys = OFF").fetch().then() : Mono.empty();
          Mono<Void> tearDown = sqlite ? session.sql("PRAGMA foreign_keys = ON").fetch().then() : Mono.empty();
          // after an error (the session may be dead, and a dead session's lock is gone with it) a
          // failing release must not hide the error that ended the run
          return Mono.usingWhen(setUp.then(lock.acquire(session)),
              held -> work.apply(session),
              held -> held.release().then(tearDown),
              (held, e) -> held.release().then(tearDown).onErrorResume(x -> Mono.empty()),
              held -> held.release().then(tearDown).onErrorResume(x -> Mono.empty()));
        },
        Connection::close,
        (c, e) -> Mono.from(c.close()).onErrorResume(x -> Mono.empty()),
        c -> Mono.from(c.close()).onErrorResume(x -> Mono.empty()));
  }
}
