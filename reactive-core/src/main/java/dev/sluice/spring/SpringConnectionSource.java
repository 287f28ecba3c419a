package dev.sluice.spring;

import dev.sluice.spi.ConnectionSource;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Joins transactions of Spring's {@code R2dbcTransactionManager}: when the subscriber's Context
 * holds a Spring transaction with a connection bound to the same {@link ConnectionFactory}, Sluice
 * runs on that connection ({@link ConnectionFactoryUtils#getConnection}) and gives it back with
 * {@link ConnectionFactoryUtils#releaseConnection}, leaving commit and rollback to Spring. Loaded
 * by {@link ConnectionSource#detect()} only when spring-r2dbc is on the class path (an optional
 * dependency of Sluice).
 *
 * <pre>{@code
 * TransactionalOperator op = TransactionalOperator.create(new R2dbcTransactionManager(pool));
 * Database db = Database.builder().connectionFactory(pool).build();
 * op.transactional(db.insertInto(USERS).values(u).execute()).block();   // Spring commits
 * }</pre>
 */
public final class SpringConnectionSource implements ConnectionSource {
  @Override public Mono<Connection> transactionalConnection(ConnectionFactory factory) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .filter(sync -> sync.isActualTransactionActive() && sync.getResource(factory) != null)
        .flatMap(sync -> ConnectionFactoryUtils.getConnection(factory))
        .onErrorResume(NoTransactionException.class, none -> Mono.empty());
  }

  @Override public Mono<Void> release(Connection connection, ConnectionFactory factory) {
    return ConnectionFactoryUtils.releaseConnection(connection, factory);
  }
}
