package dev.sluice.spi;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Finds a connection that another transaction manager has bound to the subscriber's Reactor
 * {@code Context}, so that Sluice queries join a transaction they did not start. Implementations
 * are found by {@link java.util.ServiceLoader}: the {@code sluice-spring} module provides one that
 * joins transactions of Spring's {@code R2dbcTransactionManager} (or a {@code TransactionalOperator}
 * over it) on the same {@link ConnectionFactory}, picked automatically when its jar is on the class
 * path.
 *
 * <pre>{@code
 * Database db = Database.builder().connectionFactory(pool).build();   // the pool Spring manages too
 * transactionalOperator.transactional(
 *     db.insertInto(USERS).values(u).execute()          // runs on Spring's transaction connection
 *         .then(springRepository.save(audit)));
 * }</pre>
 */
public interface ConnectionSource {
  /** Knows no outside transactions. */
  ConnectionSource NONE = new ConnectionSource() {
    @Override public boolean mayHaveTransaction(ContextView context) {
      return false;
    }

    @Override public Mono<Joined> join(ConnectionFactory factory) {
      return Mono.empty();
    }
  };

  /**
   * A cheap test, run before every statement outside a Sluice transaction: false when the
   * subscriber's Context cannot hold a transaction of this manager, and then
   * {@link #join} is not asked.
   */
  default boolean mayHaveTransaction(ContextView context) {
    return true;
  }

  /**
   * The transaction in progress on {@code factory} according to the subscriber's Context, for one
   * statement (or one nested Sluice transaction) to run in; empty when none is active.
   */
  Mono<Joined> join(ConnectionFactory factory);

  /**
   * True when the subscriber's Context holds an actual transaction of this manager, on whatever
   * connection factory; asked only when {@link #join} found none for Sluice's.
   */
  default Mono<Boolean> transactionActive() {
    return Mono.just(false);
  }

  /**
   * One use of an outside transaction by Sluice, which orders the transaction's end after it: Sluice
   * calls {@link #enter} before it sends anything, {@link #connection} only if that succeeded, and
   * {@link #leave} once the driver has finished with what it sent (a cancelled write is drained
   * first). The owner must not commit or roll back while a use is entered: a statement that reached
   * the driver after the ROLLBACK would run in auto-commit and outlive the transaction. The
   * connection stays with its owner, which ends the transaction and closes it.
   */
  interface Joined {
    /** Takes a permit; false when the transaction is already ending, and then nothing may be sent. Never blocks. */
    boolean enter();

    /** The transaction's connection; asked only after {@link #enter} returned true. */
    Mono<Connection> connection();

    /** Gives the permit back; called exactly once after a successful {@link #enter}. Never blocks. */
    void leave();
  }

  /**
   * The source registered under {@code META-INF/services/dev.sluice.spi.ConnectionSource} (the
   * {@code sluice-spring} module's), else {@link #NONE}. A provider that is present but cannot be
   * loaded (a Spring version it was not built for, spring-r2dbc missing) fails loudly: silently
   * not joining would let statements commit outside the caller's transaction.
   *
   * @throws dev.sluice.error.IllegalUseException when a provider is present but cannot be loaded, or
   *     when there is more than one
   */
  static ConnectionSource detect() {
    java.util.List<ConnectionSource> found = new java.util.ArrayList<>();
    try {
      for (ConnectionSource s : java.util.ServiceLoader.load(ConnectionSource.class,
          ConnectionSource.class.getClassLoader())) {
        found.add(s);
      }
    } catch (java.util.ServiceConfigurationError | LinkageError e) {
      throw new dev.sluice.error.IllegalUseException("A ConnectionSource (sluice-spring) is on the class path "
          + "but cannot be loaded, so Sluice cannot join its transactions: " + e, e);
    }
    if (found.size() > 1) {
      throw new dev.sluice.error.IllegalUseException("More than one ConnectionSource on the class path: " + found
          + "; choose one with DatabaseBuilder.outsideTransactions(...)");
    }
    return found.isEmpty() ? NONE : found.get(0);
  }
}
