package dev.sluice.internal;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.IllegalUseException;
import dev.sluice.spi.ConnectionSource;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
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
    final AtomicBoolean ending = new AtomicBoolean();
    private final ConnectionFactory transactionOn;

    StubSource(ConnectionFactory transactionOn) {
      this.transactionOn = transactionOn;
    }

    @Override public boolean mayHaveTransaction(ContextView context) {
      return context.hasKey("outside");
    }

    @Override public Mono<Joined> join(ConnectionFactory f) {
      return Mono.deferContextual(ctx -> {
        asked.incrementAndGet();
        return f == transactionOn && ctx.<Boolean>get("outside") ? Mono.just(joined()) : Mono.empty();
      });
    }

    private Joined joined() {
      return new Joined() {
        @Override public boolean enter() {
          return !ending.get();
        }

        @Override public Mono<Connection> connection() {
          return Mono.just(outsideConnection);
        }

        @Override public void leave() {
          released.add(outsideConnection.toString());
          factory.log.add("left");
        }
      };
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
    assertThat(factory.log).containsExactly("outside: " + INSERT, "left");
    assertThat(factory.created()).isZero();
    assertThat(source.released).containsExactly("outside");
  }

  @Test
  void inTransactionInsideItIsASavepointThatTheOwnerCommits() {
    Database db = db(source);
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A")).execute())
        .contextWrite(inOutsideTransaction(true)).blockLast(T);
    assertThat(factory.log).containsExactly("outside: createSavepoint sluice_sp_1", "outside: " + INSERT,
        "outside: releaseSavepoint sluice_sp_1", "left");
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
        "outside: rollbackTransactionToSavepoint sluice_sp_1", "left");
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
      assertThat(factory.log).containsExactly("outside: " + INSERT, "left");
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

  @Test
  void aStatementAfterTheOwnerBeganToEndItIsRefusedAndNothingIsSent() {
    source.ending.set(true);
    assertThatThrownBy(() -> db(source).insertInto(COUNTRIES).values(new Country(null, "A")).execute()
            .contextWrite(inOutsideTransaction(true)).block(T))
        .isInstanceOf(IllegalUseException.class)
        .hasMessageContaining("already ending").hasMessageContaining("the statement was not run");
    assertThat(factory.log).isEmpty();
    assertThat(source.released).as("nothing entered, nothing to leave").isEmpty();
  }

  @Test
  void aCancelledWriteHoldsTheOutsideTransactionUntilTheDriverFinishedIt() {
    Sinks.Empty<Void> answer = Sinks.empty();
    factory.hold = answer.asMono();
    Disposable running = db(source).insertInto(COUNTRIES).values(new Country(null, "A")).execute()
        .contextWrite(inOutsideTransaction(true)).subscribe();
    assertThat(factory.log).containsExactly("outside: " + INSERT);
    running.dispose();
    assertThat(source.released).as("the INSERT is still on its way: the owner must not end yet").isEmpty();
    answer.tryEmitEmpty();
    assertThat(factory.log).containsExactly("outside: " + INSERT, "left");
  }

  @Test
  void aCancelledReadLetsGoAtOnce() {
    factory.hold = Mono.never();
    Disposable running = db(source).selectFrom(COUNTRIES).fetch()
        .contextWrite(inOutsideTransaction(true)).subscribe();
    running.dispose();
    assertThat(factory.log).hasSize(2).last().isEqualTo("left");
  }

  @Test
  void aCancelledNestedTransactionLetsGoOnlyAfterItsRollbackToTheSavepoint() {
    Sinks.Empty<Void> answer = Sinks.empty();
    factory.hold = answer.asMono();
    Disposable running = db(source).inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A"))
            .execute())
        .contextWrite(inOutsideTransaction(true)).subscribe();
    running.dispose();
    assertThat(source.released).isEmpty();
    factory.hold = Mono.empty();
    answer.tryEmitEmpty();
    assertThat(factory.log).containsExactly("outside: createSavepoint sluice_sp_1", "outside: " + INSERT,
        "outside: rollbackTransactionToSavepoint sluice_sp_1", "left");
  }
}
