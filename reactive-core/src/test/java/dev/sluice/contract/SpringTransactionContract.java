package dev.sluice.contract;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.ForeignTransactionPolicy;
import dev.sluice.error.TransactionNotJoinedException;
import dev.sluice.testing.Country;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * Sluice queries join a transaction that Spring's {@code R2dbcTransactionManager} (through a
 * {@code TransactionalOperator}) runs on the same connection pool: Spring commits or rolls back
 * Sluice's writes, Spring's {@code DatabaseClient} and Sluice see each other's uncommitted rows, and
 * a Sluice {@code inTransaction} inside becomes a savepoint. Every test ends with no connection
 * acquired from the pool.
 */
public abstract class SpringTransactionContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  private TransactionalOperator spring;
  private DatabaseClient client;

  @BeforeEach
  void springOnThePool() {
    spring = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    // No binds below, so any marker does; Spring cannot guess them for every driver (the SQLite bridge).
    client = DatabaseClient.builder().connectionFactory(pool).bindMarkers(BindMarkersFactory.anonymous("?"))
        .build();
  }

  @AfterEach
  void noConnectionLeftAcquired() throws InterruptedException {
    assertThat(acquiredConnectionsAfterSettling()).as("connections still acquired after the test").isZero();
  }

  private long countries() {
    return db.selectFrom(COUNTRIES).fetch().count().block(T);
  }

  private List<String> names() {
    return db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList().block(T);
  }

  private Mono<Long> insert(String name) {
    return db.insertInto(COUNTRIES).values(new Country(null, name)).execute();
  }

  private Mono<Long> springCount() {
    return client.sql("SELECT count(*) FROM countries").map(row -> ((Number) row.get(0)).longValue()).one();
  }

  /** Counted on another pooled connection: the subscriber's Context, and so Spring's transaction, is hidden. */
  private Mono<Long> countOutside() {
    return db.selectFrom(COUNTRIES).fetch().count().contextWrite(ctx -> Context.empty());
  }

  @Test
  void aSpringCommitKeepsSluiceWritesThatSpringSawUncommitted() {
    List<Long> seen = spring.transactional(insert("A")
            .then(Mono.zip(springCount(), countOutside()).map(t -> List.of(t.getT1(), t.getT2()))))
        .block(T);
    assertThat(seen).as("[Spring's DatabaseClient in the transaction, another connection]")
        .containsExactly(1L, 0L);
    assertThat(countries()).isEqualTo(1L);
  }

  @Test
  void sluiceSeesWhatSpringWroteInTheSameTransaction() {
    List<String> seen = spring.transactional(client.sql("INSERT INTO countries (name) VALUES ('spring')").then()
            .then(insert("sluice"))
            .then(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList()))
        .block(T);
    assertThat(seen).containsExactly("spring", "sluice");
    assertThat(names()).containsExactly("spring", "sluice");
  }

  @Test
  void aSpringRollbackUndoesSluiceWrites() {
    StepVerifier.create(spring.transactional(insert("A").then(insert("B"))
            .then(Mono.error(new IllegalStateException("boom")))))
        .expectErrorMessage("boom").verify(T);
    assertThat(countries()).isZero();
  }

  @Test
  void aSluiceTransactionInsideSpringsIsASavepoint() {
    spring.transactional(insert("outer")
            .then(db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "inner")).execute()
                    .then(Mono.<Long>error(new IllegalStateException("inner fails"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()).then())
            .then(client.sql("INSERT INTO countries (name) VALUES ('after')").then()))
        .block(T);
    assertThat(names()).containsExactly("outer", "after");
  }

  @Test
  void aSluiceTransactionInsideSpringsDoesNotCommitIt() {
    StepVerifier.create(spring.transactional(
            db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "inner")).execute()).then()
                .then(Mono.error(new IllegalStateException("Spring's body fails after Sluice's")))))
        .expectErrorMessage("Spring's body fails after Sluice's").verify(T);
    assertThat(countries()).as("Spring rolled back what Sluice's inner transaction wrote").isZero();
  }

  @Test
  void aStreamingSluiceQueryRunsInsideSpringsTransaction() {
    int n = 500;
    Flux<Country> rows = Flux.range(0, n).map(i -> new Country(null, "c" + i));
    List<Long> counts = spring.transactional(db.insertInto(COUNTRIES).values(rows).execute()
            .then(db.selectFrom(COUNTRIES).fetch().limitRate(16).count())
            .flatMap(all -> db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().take(10).count()
                .flatMap(first -> springCount().map(spring -> List.of(all, first, spring)))))
        .block(T);
    assertThat(counts).as("[streamed, cancelled after, then Spring's count]").containsExactly(500L, 10L, 500L);
    assertThat(countries()).isEqualTo(n);
  }

  @Test
  void cancellingSpringsTransactionRollsBackSluiceWrites() throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger inserted = new java.util.concurrent.atomic.AtomicInteger();
    var running = spring.execute(status -> Flux.range(0, 1000)
            .concatMap(i -> insert("c" + i).delayElement(Duration.ofMillis(2)))
            .doOnNext(n -> inserted.incrementAndGet()))
        .subscribe();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inserted.get() < 20 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    running.dispose();
    int before = inserted.get();
    assertThat(before).as("Sluice inserts done in Spring's transaction before the cancel").isBetween(20, 999);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    assertThat(inserted.get()).as("no insert after the cancel").isLessThanOrEqualTo(before + 1);
    assertThat(countries()).as("rows left by the cancelled transaction").isZero();
  }

  @Test
  void withoutASpringTransactionSluiceWorksAsBefore() {
    assertThat(insert("autocommit").then(countOutside()).block(T)).isEqualTo(1L);
    StepVerifier.create(db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "B")).execute()
            .then(Mono.error(new IllegalStateException("boom")))))
        .expectErrorMessage("boom").verify(T);
    assertThat(names()).containsExactly("autocommit");
  }

  @Test
  void aSpringTransactionThatIsNotActualIsNotJoined() {
    DefaultTransactionDefinition supports = new DefaultTransactionDefinition(
        TransactionDefinition.PROPAGATION_SUPPORTS);
    StepVerifier.create(TransactionalOperator.create(new R2dbcTransactionManager(pool), supports)
            .transactional(insert("A").then(Mono.error(new IllegalStateException("boom")))))
        .expectErrorMessage("boom").verify(T);
    assertThat(countries()).as("no transaction to roll back: Sluice's write was committed").isEqualTo(1L);
  }

  @Test
  void aStatementInASpringTransactionOnAnotherConnectionFactoryFailsAndWritesNothing() {
    ConnectionPool other = new ConnectionPool(ConnectionPoolConfiguration.builder(target().connectionFactory())
        .initialSize(0).maxSize(1).maxAcquireTime(Duration.ofSeconds(20)).build());
    try {
      TransactionalOperator onOther = TransactionalOperator.create(new R2dbcTransactionManager(other));
      StepVerifier.create(onOther.transactional(insert("A")))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransactionNotJoinedException.class)
              .hasMessageContaining("not on this Database's connection factory")
              .hasMessageContaining("the statement was not run"))
          .verify(T);
      StepVerifier.create(onOther.transactional(db.inTransaction(tx -> insert("B"))))
          .expectError(TransactionNotJoinedException.class).verify(T);
      assertThat(countries()).as("nothing written outside the other pool's transaction").isZero();
    } finally {
      other.disposeLater().block(T);
    }
  }

  @Test
  void withForeignTransactionsIgnoredAStatementRunsOutsideTheOtherTransaction() {
    ConnectionPool other = new ConnectionPool(ConnectionPoolConfiguration.builder(target().connectionFactory())
        .initialSize(0).maxSize(1).maxAcquireTime(Duration.ofSeconds(20)).build());
    Database independent = builder()
        .foreignTransactions(ForeignTransactionPolicy.IGNORE).build();
    try {
      StepVerifier.create(TransactionalOperator.create(new R2dbcTransactionManager(other))
              .transactional(independent.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
                  .then(Mono.error(new IllegalStateException("boom")))))
          .expectErrorMessage("boom").verify(T);
      assertThat(countries()).as("Sluice's write was not in the other pool's transaction").isEqualTo(1L);
    } finally {
      other.disposeLater().block(T);
    }
  }
}
