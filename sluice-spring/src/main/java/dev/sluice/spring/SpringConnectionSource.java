package dev.sluice.spring;

import dev.sluice.spi.ConnectionSource;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionContext;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Joins transactions of Spring's {@code R2dbcTransactionManager}: when the subscriber's Context
 * holds a Spring transaction with a connection bound to the same {@link ConnectionFactory}, Sluice
 * runs on that connection ({@code ConnectionFactoryUtils.getConnection}) and leaves it, with commit,
 * rollback and close, to Spring; Spring's commit or rollback waits for the Sluice statements in
 * flight ({@link StatementGate}).
 *
 * <p>The connection is never released back through {@code ConnectionFactoryUtils.releaseConnection}:
 * the {@code ConnectionHolder} that {@code R2dbcTransactionManager} binds starts at reference count
 * 0, and a release that brings it back to 0 makes the holder forget its connection; the next user
 * then fetches a fresh connection into the holder, and Spring commits or rolls back that one instead
 * of the transaction's (Spring's own {@code DatabaseClient} never releases a transactional
 * connection either).
 *
 * <p>Registered for {@link java.util.ServiceLoader}, so
 * {@link ConnectionSource#detect()} finds it whenever this module is on the class path; built for
 * Spring Framework 6 and 7, and refusing to load on an older one.
 *
 * <pre>{@code
 * TransactionalOperator op = TransactionalOperator.create(new R2dbcTransactionManager(pool));
 * Database db = Database.builder().connectionFactory(pool).build();
 * op.transactional(db.insertInto(USERS).values(u).execute()).block();   // Spring commits
 * }</pre>
 */
public final class SpringConnectionSource implements ConnectionSource {
  /** The oldest Spring Framework generation whose reactive transaction API this class was built for. */
  static final int OLDEST_SPRING = 6;

  /** Fails loudly when the Spring on the class path is older than this class was built for. */
  public SpringConnectionSource() {
    this(org.springframework.core.SpringVersion.getVersion());
  }

  SpringConnectionSource(String springVersion) {
    int major = major(springVersion);
    if (major >= 0 && major < OLDEST_SPRING) {
      throw new IllegalStateException("sluice-spring needs Spring Framework " + OLDEST_SPRING
          + " or later, found " + springVersion);
    }
  }

  private static int major(String version) {
    if (version == null) {
      return -1; // unknown (repackaged Spring): the API is checked by linking instead
    }
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Spring's TransactionalOperator and {@code @Transactional} put a {@link TransactionContext} into
   * the Context of the work they run; without one there is no Spring transaction to join.
   */
  @Override public boolean mayHaveTransaction(ContextView context) {
    return context.hasKey(TransactionContext.class);
  }

  /**
   * The actual Spring transaction whose connection for {@code factory} is bound in the Context; its
   * COMMIT or ROLLBACK waits for the Sluice statements that joined it ({@link StatementGate}). Once
   * it has completed, statements that still carry its Context are refused, never run outside it.
   */
  @Override public Mono<Joined> join(ConnectionFactory factory) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .flatMap(sync -> Mono.justOrEmpty(StatementGate.join(sync, factory)))
        .onErrorResume(NoTransactionException.class, none -> Mono.empty());
  }

  @Override public Mono<Boolean> transactionActive() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .map(TransactionSynchronizationManager::isActualTransactionActive)
        .onErrorResume(NoTransactionException.class, none -> Mono.just(false))
        .defaultIfEmpty(false);
  }
}
