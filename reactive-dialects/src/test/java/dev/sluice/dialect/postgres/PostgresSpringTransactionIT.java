package dev.sluice.dialect.postgres;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.ContractBase;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.testing.Country;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Sluice queries join a transaction begun by Spring's R2dbcTransactionManager on the same pool. */
class PostgresSpringTransactionIT extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected DatabaseTarget target() { return PostgresTarget.INSTANCE; }

  private long countries() {
    return db.selectFrom(COUNTRIES).fetch().count().block(T);
  }

  @Test
  void aSpringRollbackUndoesSluiceWrites() {
    TransactionalOperator spring = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    StepVerifier.create(spring.transactional(db.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
            .then(Mono.error(new IllegalStateException("boom")))))
        .expectErrorMessage("boom").verify(T);
    assertThat(countries()).isZero();
  }

  @Test
  void aSpringCommitKeepsThemAndSpringSeesSluicesUncommittedRows() {
    TransactionalOperator spring = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    DatabaseClient client = DatabaseClient.create(pool);
    Long seenBySpring = spring.transactional(db.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
            .then(client.sql("SELECT count(*) FROM countries").map(r -> r.get(0, Long.class)).one()))
        .block(T);
    assertThat(seenBySpring).as("same connection, same transaction").isEqualTo(1L);
    assertThat(countries()).isEqualTo(1L);
  }

  @Test
  void aSluiceTransactionInsideSpringsIsASavepoint() {
    TransactionalOperator spring = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    spring.transactional(db.insertInto(COUNTRIES).values(new Country(null, "outer")).execute()
            .then(db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "inner")).execute()
                    .then(Mono.<Long>error(new IllegalStateException("inner fails"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()).then()))
        .block(T);
    assertThat(db.selectFrom(COUNTRIES).fetch().map(Country::name).collectList().block(T))
        .containsExactly("outer");
  }
}
