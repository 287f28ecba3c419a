package dev.sluice.r2dbc.sqlite;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

/**
 * A bridge connection whose running statement can be stopped from any thread, as JDBC's
 * {@code Statement.cancel()}: SQLite's {@code sqlite3_interrupt}. The statement fails with
 * {@code SQLITE_INTERRUPT}; the connection stays open and a transaction can roll back.
 *
 * <pre>{@code
 * if (connection instanceof Interruptible i) { i.interrupt().subscribe(); }
 * }</pre>
 */
public interface Interruptible extends Connection {
  /** Interrupts the statement running now, if any; statements started later are not affected. */
  Mono<Void> interrupt();
}
