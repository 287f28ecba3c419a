package dev.sluice.internal;

import io.r2dbc.spi.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection of the transaction in progress, carried in the Reactor {@code Context} under its
 * {@link Executor} as key. Savepoint names are numbered per transaction.
 */
final class TxHandle {
  private final Connection connection;
  private final AtomicInteger savepoints = new AtomicInteger();

  TxHandle(Connection connection) {
    this.connection = connection;
  }

  Connection connection() { return connection; }

  String nextSavepointName() { return "sluice_sp_" + savepoints.incrementAndGet(); }
}
