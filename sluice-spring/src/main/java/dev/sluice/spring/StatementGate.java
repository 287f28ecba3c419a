package dev.sluice.spring;

import dev.sluice.spi.ConnectionSource;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Orders the end of one Spring transaction after the Sluice statements running in it. It is
 * registered among the transaction's synchronizations the first time a Sluice statement joins it;
 * Spring runs {@link #beforeCompletion} before its COMMIT or ROLLBACK, and the gate then refuses new
 * statements and waits for the ones in flight. Without it, a cancelled transaction races with its
 * own last statement: Spring's ROLLBACK reaches the connection first, the INSERT after it, and the
 * row is committed in auto-commit.
 *
 * <p>One gate per transaction: it is bound as a resource of the transaction under the
 * {@code ConnectionHolder} that Spring's {@code R2dbcTransactionManager} bound for the connection
 * factory, so a suspended outer transaction and a {@code REQUIRES_NEW} inner one each have their own.
 */
final class StatementGate implements TransactionSynchronization {
  private final TransactionSynchronizationManager sync;
  private final Key key;
  private final Object lock = new Object();
  private int inFlight;
  private boolean ending;
  private Sinks.Empty<Void> drained;

  private StatementGate(TransactionSynchronizationManager sync, Key key) {
    this.sync = sync;
    this.key = key;
  }

  /**
   * The use of the transaction in {@code sync} on {@code factory} by one statement, or a use without
   * ordering when Spring keeps no synchronizations for it ({@code SYNCHRONIZATION_NEVER}); null when
   * the transaction holds no connection for {@code factory}.
   */
  static ConnectionSource.Joined join(TransactionSynchronizationManager sync, ConnectionFactory factory) {
    Object holder = sync.getResource(factory);
    if (holder == null) {
      return null;
    }
    if (!sync.isSynchronizationActive()) {
      return new Use(factory, null);
    }
    StatementGate gate;
    synchronized (holder) {
      Key key = new Key(holder);
      gate = (StatementGate) sync.getResource(key);
      if (gate == null) {
        gate = new StatementGate(sync, key);
        sync.bindResource(key, gate);
        sync.registerSynchronization(gate);
      }
    }
    return new Use(factory, gate);
  }

  private boolean enter() {
    synchronized (lock) {
      if (ending) {
        return false;
      }
      inFlight++;
      return true;
    }
  }

  private void leave() {
    Sinks.Empty<Void> done = null;
    synchronized (lock) {
      inFlight--;
      if (ending && inFlight == 0) {
        done = drained;
      }
    }
    if (done != null) {
      done.tryEmitEmpty();
    }
  }

  /** Refuses new statements, then completes once the ones in flight have finished. */
  @Override public Mono<Void> beforeCompletion() {
    return Mono.defer(() -> {
      synchronized (lock) {
        ending = true;
        if (inFlight == 0) {
          return Mono.empty();
        }
        if (drained == null) {
          drained = Sinks.empty();
        }
        return drained.asMono();
      }
    });
  }

  /** Forgets the gate, so that a later transaction in the same Context starts with a new one. */
  @Override public Mono<Void> afterCompletion(int status) {
    return Mono.fromRunnable(() -> sync.unbindResourceIfPossible(key));
  }

  /** The key of a transaction's gate: the connection holder Spring bound for the factory, by identity. */
  private record Key(Object holder) { }

  /** One statement's use; without a gate (no synchronization), {@code enter} always succeeds. */
  private record Use(ConnectionFactory factory, StatementGate gate) implements ConnectionSource.Joined {
    @Override public boolean enter() {
      return gate == null || gate.enter();
    }

    @Override public Mono<Connection> connection() {
      return ConnectionFactoryUtils.getConnection(factory);
    }

    @Override public void leave() {
      if (gate != null) {
        gate.leave();
      }
    }
  }
}
