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
 * When the transaction has completed, the gate stays in its Context under the factory
 * ({@link Ended}): a statement subscribed afterwards with that Context (a cancelled body racing its
 * own next statement) is refused rather than run in auto-commit on a connection of its own.
 */
final class StatementGate implements TransactionSynchronization {
  private final TransactionSynchronizationManager sync;
  private final ConnectionFactory factory;
  private final Object lock = new Object();
  private int inFlight;
  private boolean ending;
  private Sinks.Empty<Void> drained;

  private StatementGate(TransactionSynchronizationManager sync, ConnectionFactory factory) {
    this.sync = sync;
    this.factory = factory;
  }

  /**
   * The use of the transaction in {@code sync} on {@code factory} by one statement, or a use without
   * ordering when Spring keeps no synchronizations for it ({@code SYNCHRONIZATION_NEVER}); null when
   * no transaction holds a connection for {@code factory}. After a transaction of this Context has
   * completed, a use that refuses every statement.
   */
  static ConnectionSource.Joined join(TransactionSynchronizationManager sync, ConnectionFactory factory) {
    Object holder = sync.isActualTransactionActive() ? sync.getResource(factory) : null;
    if (holder == null) {
      Object ended = sync.getResource(new Ended(factory));
      return ended instanceof StatementGate gate ? new Use(factory, gate) : null;
    }
    if (!sync.isSynchronizationActive()) {
      return new Use(factory, null);
    }
    StatementGate gate;
    synchronized (holder) {
      Key key = new Key(holder);
      gate = (StatementGate) sync.getResource(key);
      if (gate == null) {
        gate = new StatementGate(sync, factory);
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

  /**
   * Stays in the Context as the completed transaction's gate (it refuses every statement now), for
   * statements that arrive after the transaction's cleanup; a later transaction on a new connection
   * holder gets a gate of its own.
   */
  @Override public Mono<Void> afterCompletion(int status) {
    return Mono.fromRunnable(() -> {
      Ended ended = new Ended(factory);
      sync.unbindResourceIfPossible(ended);
      sync.bindResource(ended, this);
    });
  }

  /** The key of a transaction's gate: the connection holder Spring bound for the factory, by identity. */
  private record Key(Object holder) { }

  /** The key of the gate of the last transaction on {@code factory} that completed in this Context. */
  private record Ended(ConnectionFactory factory) { }

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
