package dev.sluice.internal;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Joining a transaction of another manager, without a database and without Spring: a stub source
 * stands for Spring's and finds its connection only under the Context key {@code "outside"}.
 */
class OutsideTransactionTest {
  private static final Duration T = Duration.ofSeconds(5);
  private static final String INSERT = "INSERT INTO \"countries\" (\"name\") VALUES (?)";

  private final StubConnectionFactory factory = new StubConnectionFactory();
  private final Connection outsideConnection = factory.connection("outside");

  /** Stands for Spring: a transaction is in progress when the Context says so, on one factory. */
  private final class StubSource implements ConnectionSource {
    final AtomicInteger asked = new AtomicInteger();
    final List<String> released = new CopyOnWriteArrayList<>();
    private final ConnectionFactory transactionOn;

    StubSource(ConnectionFactory transactionOn) {
      this.transactionOn = transactionOn;
    }

    @Override public boolean mayHaveTransaction(ContextView context) {
      return context.hasKey("outside");
    }

    @Override public Mono<Connection> transactionalConnection(ConnectionFactory f) {
      return Mono.deferContextual(ctx -> {
        asked.incrementAndGet();
        return f == transactionOn && ctx.<Boolean>get("outside") ? Mono.just(outsideConnection) : Mono.empty();
      });
    }

    @Override public Mono<Void> release(Connection connection, ConnectionFactory f) {
      return Mono.fromRunnable(() -> released.add(connection.toString()));
    }
  }

  private final StubSource source = new StubSource(factory);

  private Database db(ConnectionSource outside) {
    return Database.builder().connectionFactory(factory).dialect(new StandardDialect()).pooled(false)
        .outsideTransactions(outside).build();
  }

  private static Context inOutsideTransaction(boolean active) {
    return Context.of("outside", active);
  }

  @Test
  void withoutAnOutsideTransactionInTheContextTheSourceIsNotEvenAsked() {
    db(source).insertInto(COUNTRIES).values(new Country(null, "A")).execute().block(T);
    assertThat(source.asked).hasValue(0);
    assertThat(factory.log).containsExactly("pooled-1: " + INSERT, "pooled-1: close");
  }

  @Test
  void aStatementRunsOnTheOutsideConnectionAndLeavesItOpen() {
    db(source).insertInto(COUNTRIES).values(new Country(null, "A")).execute()
        .contextWrite(inOutsideTransaction(true)).block(T);
    assertThat(factory.log).containsExactly("outside: " + INSERT);
    assertThat(factory.created()).isZero();
    assertThat(source.released).containsExactly("outside");
  }

  @Test
  void inTransactionInsideItIsASavepointThatTheOwnerCommits() {
    Database db = db(source);
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A")).execute())
        .contextWrite(inOutsideTransaction(true)).blockLast(T);
    assertThat(factory.log).containsExactly("outside: createSavepoint sluice_sp_1", "outside: " + INSERT,
        "outside: releaseSavepoint sluice_sp_1");
    assertThat(source.released).containsExactly("outside");
  }

  @Test
  void aFailedBodyInsideItRollsBackToItsSavepointOnly() {
    Database db = db(source);
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
            .then(Mono.<Long>error(new IllegalStateException("boom"))))
        .onErrorResume(IllegalStateException.class, e -> Mono.empty())
        .contextWrite(inOutsideTransaction(true)).blockLast(T);
    assertThat(factory.log).containsExactly("outside: createSavepoint sluice_sp_1", "outside: " + INSERT,
        "outside: rollbackTransactionToSavepoint sluice_sp_1");
  }

  @Test
  void whenTheOutsideManagerHasNoTransactionSluiceRunsItsOwnAsBefore() {
    Database db = db(source);
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A")).execute())
        .contextWrite(inOutsideTransaction(false)).blockLast(T);
    assertThat(source.asked).hasValue(1);
    assertThat(factory.log).containsExactly("pooled-1: beginTransaction", "pooled-1: " + INSERT,
        "pooled-1: commitTransaction", "pooled-1: close");
    assertThat(source.released).isEmpty();
  }

  @Test
  void aTransactionOnTheFactoryGivenBeforeSluicePooledItIsJoinedToo() {
    Database db = Database.builder().connectionFactory(factory).dialect(new StandardDialect())
        .outsideTransactions(source).build();
    try {
      assertThat(db.connectionFactory()).isNotSameAs(factory);
      db.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
          .contextWrite(inOutsideTransaction(true)).block(T);
      assertThat(factory.log).containsExactly("outside: " + INSERT);
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void noneNeverJoins() {
    db(ConnectionSource.NONE).insertInto(COUNTRIES).values(new Country(null, "A")).execute()
        .contextWrite(inOutsideTransaction(true)).block(T);
    assertThat(factory.log).containsExactly("pooled-1: " + INSERT, "pooled-1: close");
  }
}
