package dev.sluice.spi;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

/**
 * Stops the statement running on one connection, from outside that connection's conversation:
 * PostgreSQL's cancel request, {@code KILL QUERY} on MariaDB and MySQL, {@code sqlite3_interrupt}
 * in the SQLite bridge. A dialect prepares one per connection ({@link Dialect#canceller}) before a
 * timed transaction or query starts, so cancelling needs nothing from the busy connection.
 *
 * <p>The statement then fails on the server (PostgreSQL: SQLSTATE 57014), its connection stays
 * usable, and the transaction can roll back at once instead of waiting for the statement's end.
 */
@FunctionalInterface
public interface StatementCanceller {
  /** Cancels nothing: the database offers no way, the caller only stops reading. */
  StatementCanceller NONE = Mono::empty;

  /** Asks the server to stop the running statement; completes once the request was sent. */
  Mono<Void> cancel();

  /** {@code connection} itself or the connection it wraps (a pool's) that is a {@code type}; else null. */
  static <T> T driverConnection(Connection connection, Class<T> type) {
    Object c = connection;
    for (int depth = 0; depth < 8 && c != null; depth++) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      c = c instanceof Wrapped<?> w ? w.unwrap() : null;
    }
    return null;
  }
}
