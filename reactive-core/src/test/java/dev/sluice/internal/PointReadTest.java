package dev.sluice.internal;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.ConnectionAcquireTimeoutException;
import dev.sluice.error.TooManyRowsException;
import dev.sluice.spi.StandardDialect;
import dev.sluice.testing.Country;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code fetchOne()}, {@code fetchFirst()} and {@code exists()} outside a transaction run as one
 * operator ({@link PointRead}); these are the rules it keeps, seen in the log of a connection
 * factory without a database ({@link RowsFactory}).
 */
class PointReadTest {
  private static final Duration T = Duration.ofSeconds(5);

  private final RowsFactory factory = new RowsFactory();
  private final Database db = Database.builder().connectionFactory(factory).dialect(new StandardDialect())
      .pooled(false).fetchSize(0).build();

  private Mono<Country> one() {
    return db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).fetchOne();
  }

  @Test
  void aReadToItsEndGivesTheConnectionBackWithoutARoundTripOrACancel() {
    assertThat(one().block(T)).isEqualTo(new Country(1, "country-1"));
    assertThat(db.selectFrom(COUNTRIES).fetchFirst().block(T)).isEqualTo(new Country(1, "country-1"));
    assertThat(db.selectFrom(COUNTRIES).exists().block(T)).isTrue();
    factory.rows = 0;
    assertThat(one().blockOptional(T)).isEmpty();
    assertThat(db.selectFrom(COUNTRIES).exists().block(T)).isFalse();
    assertThat(factory.logged(": close")).hasSize(5);
    assertThat(factory.logged("validate")).isEmpty();
    assertThat(factory.logged("rows cancelled")).isEmpty();
  }

  @Test
  void fetchListReadsEveryRowInOrderInOneOperatorAndGivesTheConnectionBack() {
    factory.rows = 1000;
    java.util.List<Country> all = db.selectFrom(COUNTRIES).fetchList().block(T);
    assertThat(all).hasSize(1000);
    assertThat(all.get(0)).isEqualTo(new Country(1, "country-1"));
    assertThat(all.get(999)).isEqualTo(new Country(1000, "country-1000"));
    assertThat(db.selectFrom(COUNTRIES).fetch().collectList().block(T)).isEqualTo(all);
    assertThat(factory.logged(": close")).hasSize(2);
    assertThat(factory.logged("rows cancelled")).isEmpty();
    factory.rows = 0;
    assertThat(db.selectFrom(COUNTRIES).fetchList().block(T)).isEmpty();
    assertThat(factory.logged(": close")).hasSize(3);
  }

  @Test
  void aFetchListWaitsForDemandAndGoesOutWhole() {
    factory.rows = 3;
    java.util.List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    reactor.core.publisher.BaseSubscriber<java.util.List<Country>> lazy = new reactor.core.publisher.BaseSubscriber<>() {
      @Override protected void hookOnSubscribe(org.reactivestreams.Subscription s) {
        // no demand yet
      }

      @Override protected void hookOnNext(java.util.List<Country> list) {
        got.add(list);
      }

      @Override protected void hookOnComplete() {
        got.add("complete");
      }
    };
    db.selectFrom(COUNTRIES).fetchList().subscribe(lazy);
    assertThat(factory.logged(": close")).as("the read ran and gave its connection back").hasSize(1);
    assertThat(got).as("nothing without demand").isEmpty();
    lazy.request(1);
    assertThat(got).containsExactly(java.util.List.of(new Country(1, "country-1"), new Country(2, "country-2"),
        new Country(3, "country-3")), "complete");
  }

  @Test
  void aFetchListCancelledMidResultStopsTheDriverAndGivesTheConnectionBackOnceItAnswers() {
    factory.rows = 1_000_000;
    java.util.concurrent.atomic.AtomicInteger lastRow = new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    reactor.core.publisher.BaseSubscriber<java.util.List<Country>> reader = new reactor.core.publisher.BaseSubscriber<>() {
      @Override protected void hookOnNext(java.util.List<Country> list) {
        got.add(list);
      }

      @Override protected void hookOnComplete() {
        got.add("complete");
      }

      @Override protected void hookOnError(Throwable e) {
        got.add(e);
      }
    };
    factory.onRow = id -> {
      lastRow.set(id);
      if (id == 1_000) {
        reader.cancel();  // mid-result, on the thread the rows arrive on
      }
    };
    db.selectFrom(COUNTRIES).fetchList().subscribe(reader);
    assertThat(lastRow.get()).as("rows were read before the cancel, and none after it").isEqualTo(1_000);
    assertThat(got).as("no list, no completion, no error after a cancel").isEmpty();
    assertThat(factory.log).containsSubsequence("c1: rows cancelled", "c1: validate", "c1: close");
  }

  @Test
  void aFetchListOfSomethingThatIsNotARecordIsAMappingError() {
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).fetchList(String.class).block(T))
        .isInstanceOf(dev.sluice.error.MappingException.class).hasMessageContaining("not a record");
    assertThat(factory.log).as("nothing ran").isEmpty();
  }

  @Test
  void theRowIsEmittedOnlyOnceItsConnectionIsBack() throws Exception {
    Sinks.Empty<Void> close = Sinks.empty();
    factory.closeHold = close.asMono();
    CompletableFuture<Country> read = one().toFuture();
    assertThat(factory.logged("SELECT")).hasSize(1);
    Thread.sleep(50);
    assertThat(read).as("the connection is not back yet").isNotDone();
    close.tryEmitEmpty();
    assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(new Country(1, "country-1"));
  }

  @Test
  void theRowWaitsForDemandAndGoesOutWhenAskedFor() throws Exception {
    java.util.List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    reactor.core.publisher.BaseSubscriber<Country> lazy = new reactor.core.publisher.BaseSubscriber<>() {
      @Override protected void hookOnSubscribe(org.reactivestreams.Subscription s) {
        // no demand yet
      }

      @Override protected void hookOnNext(Country c) {
        got.add(c);
      }

      @Override protected void hookOnComplete() {
        got.add("complete");
      }
    };
    one().subscribe(lazy);
    assertThat(factory.logged(": close")).as("the read ran and gave its connection back").hasSize(1);
    assertThat(got).as("nothing without demand").isEmpty();
    lazy.request(1);
    assertThat(got).containsExactly(new Country(1, "country-1"), "complete");
  }

  @Test
  void resultsThatEndBeforeTheirRowsAreStillReadWhole() {
    // r2dbc-postgresql completes the results before their rows were read
    Sinks.Empty<Void> rows = Sinks.empty();
    factory.rowsHold = rows.asMono();
    CompletableFuture<Country> read = one().toFuture();
    assertThat(read).isNotDone();
    rows.tryEmitEmpty();
    assertThat(read.join()).isEqualTo(new Country(1, "country-1"));
    assertThat(factory.logged(": close")).hasSize(1);
  }

  @Test
  void moreRowsThanAQueryOfItsOwnLimitAllowsEndTheReadAsACancelWould() {
    factory.rows = 5;
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).limit(10).fetchOne().block(T))
        .isInstanceOf(TooManyRowsException.class);
    // the driver was told to stop, and the connection went back once it answered
    assertThat(factory.log).containsSubsequence("c1: rows cancelled", "c1: validate", "c1: close");
    assertThat(db.selectFrom(COUNTRIES).limit(10).fetchFirst().block(T)).isEqualTo(new Country(1, "country-1"));
  }

  @Test
  void aCancelBeforeTheConnectionArrivesGivesItBackWhenItArrives() {
    Sinks.Empty<Void> acquire = Sinks.empty();
    factory.acquire = acquire.asMono();
    Disposable read = one().subscribe();
    read.dispose();
    assertThat(factory.log).isEmpty();
    acquire.tryEmitEmpty();
    assertThat(factory.log).containsExactly("c1: open", "c1: close");
  }

  @Test
  void aCancelBeforeAnyRowDiscardsTheConnectionWithoutARoundTrip() {
    factory.execute = Mono.never();
    Disposable read = one().subscribe();
    assertThat(factory.logged("SELECT")).hasSize(1);
    read.dispose();
    assertThat(factory.logged(": close")).hasSize(1);
    assertThat(factory.logged("validate")).isEmpty();
  }

  @Test
  void aStatementErrorIsTranslatedAfterTheConnectionWasClosed() {
    factory.execute = Mono.error(new R2dbcBadGrammarException("syntax error at or near \"x\"", "42601"));
    assertThatThrownBy(() -> one().block(T)).isInstanceOf(dev.sluice.error.BadSqlException.class)
        .hasMessageContaining("syntax error at or near").hasMessageContaining("FROM \"countries\"");
    assertThat(factory.logged(": close")).hasSize(1);
  }

  @Test
  void aPoolTimeoutIsTyped() {
    factory.acquire = Mono.error(new R2dbcTimeoutException("acquire timed out"));
    assertThatThrownBy(() -> one().block(T)).isInstanceOf(ConnectionAcquireTimeoutException.class);
  }

  @Test
  void inATransactionTheReadRunsOnTheTransactionsConnection() {
    Country c = db.inTransaction(tx -> tx.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, 1)).fetchOne()).blockLast(T);
    assertThat(c).isEqualTo(new Country(1, "country-1"));
    assertThat(factory.log).containsExactly("c1: open", "c1: beginTransaction",
        "c1: SELECT \"id\", \"name\" FROM \"countries\" WHERE \"id\" = ? FETCH NEXT ? ROWS ONLY",
        "c1: commitTransaction", "c1: close");
  }

  @Test
  void everyConnectionIsGivenBackExactlyOnceWhenCancelsRaceWithArrivals() throws Exception {
    for (int i = 0; i < 2_000; i++) {
      Sinks.Empty<Void> acquire = Sinks.empty();
      factory.acquire = acquire.asMono();
      Disposable read = one().subscribe(x -> { }, e -> { });
      Thread canceller = new Thread(read::dispose);
      canceller.start();
      acquire.tryEmitEmpty();
      canceller.join();
    }
    long opened = factory.logged(": open").size();
    assertThat(opened).isEqualTo(2_000);
    assertThat(factory.logged(": close")).as("one close per connection").hasSize(2_000);
  }
}
