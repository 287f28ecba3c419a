package dev.sluice.migrations.runner;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A connection factory that always hands out one connection, whose {@code close()} does nothing:
 * a {@code Database} built on it runs every statement in one database session. The runner needs
 * that: a session lock ({@code pg_advisory_lock}, {@code GET_LOCK}) and SQLite's {@code PRAGMA
 * foreign_keys=OFF} hold for the session, and the migrations must run inside it. The owner closes
 * the real connection. Public for {@code push}, which runs its statements in one session too.
 */
public final class PinnedConnectionFactory implements ConnectionFactory {
  private final Connection pinned;
  private final ConnectionFactoryMetadata metadata;

  /** A factory handing out {@code connection}, whose {@code close()} is left to the caller. */
  public PinnedConnectionFactory(Connection connection, ConnectionFactoryMetadata metadata) {
    this.pinned = new Unclosable(connection);
    this.metadata = metadata;
  }

  @Override public Publisher<? extends Connection> create() { return Mono.just(pinned); }

  @Override public ConnectionFactoryMetadata getMetadata() { return metadata; }

  private record Unclosable(Connection c) implements Connection {
    @Override public Publisher<Void> beginTransaction() { return c.beginTransaction(); }
    @Override public Publisher<Void> beginTransaction(TransactionDefinition d) { return c.beginTransaction(d); }
    @Override public Publisher<Void> close() { return Mono.empty(); }
    @Override public Publisher<Void> commitTransaction() { return c.commitTransaction(); }
    @Override public Batch createBatch() { return c.createBatch(); }
    @Override public Publisher<Void> createSavepoint(String name) { return c.createSavepoint(name); }
    @Override public Statement createStatement(String sql) { return c.createStatement(sql); }
    @Override public boolean isAutoCommit() { return c.isAutoCommit(); }
    @Override public ConnectionMetadata getMetadata() { return c.getMetadata(); }
    @Override public IsolationLevel getTransactionIsolationLevel() { return c.getTransactionIsolationLevel(); }
    @Override public Publisher<Void> releaseSavepoint(String name) { return c.releaseSavepoint(name); }
    @Override public Publisher<Void> rollbackTransaction() { return c.rollbackTransaction(); }
    @Override public Publisher<Void> rollbackTransactionToSavepoint(String name) { return c.rollbackTransactionToSavepoint(name); }
    @Override public Publisher<Void> setAutoCommit(boolean autoCommit) { return c.setAutoCommit(autoCommit); }
    @Override public Publisher<Void> setLockWaitTimeout(Duration timeout) { return c.setLockWaitTimeout(timeout); }
    @Override public Publisher<Void> setStatementTimeout(Duration timeout) { return c.setStatementTimeout(timeout); }
    @Override public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) { return c.setTransactionIsolationLevel(level); }
    @Override public Publisher<Boolean> validate(ValidationDepth depth) { return c.validate(depth); }
  }
}
