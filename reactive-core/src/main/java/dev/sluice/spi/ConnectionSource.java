package dev.sluice.spi;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Finds a connection that another transaction manager has bound to the subscriber's Reactor
 * {@code Context}, so that Sluice queries join a transaction they did not start. The Spring
 * implementation ({@code dev.sluice.spring.SpringConnectionSource}) is picked automatically when
 * spring-r2dbc is on the class path; it joins transactions of an {@code R2dbcTransactionManager}
 * (or a {@code TransactionalOperator} over it) on the same {@link ConnectionFactory}.
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

    @Override public Mono<Connection> transactionalConnection(ConnectionFactory factory) {
      return Mono.empty();
    }

    @Override public Mono<Void> release(Connection connection, ConnectionFactory factory) {
      return Mono.empty();
    }
  };

  /**
   * A cheap test, run before every statement outside a Sluice transaction: false when the
   * subscriber's Context cannot hold a transaction of this manager, and then
   * {@link #transactionalConnection} is not asked.
   */
  default boolean mayHaveTransaction(ContextView context) {
    return true;
  }

  /**
   * The connection of a transaction in progress on {@code factory} according to the subscriber's
   * Context, or empty when none is active.
   */
  Mono<Connection> transactionalConnection(ConnectionFactory factory);

  /**
   * True when the subscriber's Context holds an actual transaction of this manager, on whatever
   * connection factory; asked only when {@link #transactionalConnection} found none for Sluice's.
   */
  default Mono<Boolean> transactionActive() {
    return Mono.just(false);
  }

  /**
   * Gives back a connection from {@link #transactionalConnection} when Sluice is done with it; it
   * stays open for its owner, which ends the transaction and closes it.
   */
  Mono<Void> release(Connection connection, ConnectionFactory factory);

  /**
   * The Spring source when spring-r2dbc is on the class path, else {@link #NONE}. Found by name,
   * so Sluice has no hard dependency on Spring.
   */
  static ConnectionSource detect() {
    ClassLoader loader = ConnectionSource.class.getClassLoader();
    try {
      Class.forName("org.springframework.r2dbc.connection.ConnectionFactoryUtils", false, loader);
      Class.forName("org.springframework.transaction.reactive.TransactionSynchronizationManager", false, loader);
      return (ConnectionSource) Class.forName("dev.sluice.spring.SpringConnectionSource", true, loader)
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError absent) {
      return NONE;
    }
  }
}
