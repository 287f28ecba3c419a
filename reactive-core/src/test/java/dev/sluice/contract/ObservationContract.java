package dev.sluice.contract;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.error.ConstraintViolationException;
import dev.sluice.observe.Finish;
import dev.sluice.observe.Operation;
import dev.sluice.observe.QueryName;
import dev.sluice.observe.QueryObserver;
import dev.sluice.observe.StatementEvent;
import dev.sluice.observe.TransactionEvent;
import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Observers on a live database: every statement and transaction is told before it runs and when it
 * ends, with the real row counts, the typed error, a cancel, the query's name and its transaction;
 * an observer that throws breaks nothing.
 */
public abstract class ObservationContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  /** Records every event and ending as one line each. */
  static final class Recorder implements QueryObserver {
    final List<StatementEvent> statements = new CopyOnWriteArrayList<>();
    final List<TransactionEvent> transactions = new CopyOnWriteArrayList<>();
    final List<String> ends = new CopyOnWriteArrayList<>();

    @Override public Finish statement(StatementEvent event) {
      statements.add(event);
      return finish(event.operation() + " " + event.table());
    }

    @Override public Finish transaction(TransactionEvent event) {
      transactions.add(event);
      return finish("tx" + event.transactionId());
    }

    private Finish finish(String what) {
      return new Finish() {
        @Override public void succeeded(long rows, Duration elapsed) {
          assertThat(elapsed).isPositive();
          ends.add(what + " ok " + rows);
        }

        @Override public void failed(Throwable error, Duration elapsed) {
          ends.add(what + " failed " + error.getClass().getSimpleName());
        }

        @Override public void cancelled(long rows, Duration elapsed) {
          ends.add(what + " cancelled " + rows);
        }
      };
    }
  }

  private Database observed(QueryObserver... observers) {
    var b = builder().name("orders");
    for (QueryObserver o : observers) {
      b.observer(o);
    }
    return b.build();
  }

  @Test
  void everyStatementIsToldWithItsRowsAndNoValues() {
    Recorder r = new Recorder();
    Database db = observed(r);
    db.insertInto(COUNTRIES).values(IntStream.range(0, 5).mapToObj(i -> new Country(null, "c" + i)).toList())
        .execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "c3")).fetch().collectList().block(T)).hasSize(1);
    assertThat(db.update(COUNTRIES).set(COUNTRIES.name, "x").where(eq(COUNTRIES.name, "c1")).execute().block(T))
        .isEqualTo(1L);
    assertThat(r.ends).as("a list of rows is written atomically: in a transaction of its own")
        .containsExactly("INSERT countries ok 5", "tx1 ok 1", "SELECT countries ok 1", "UPDATE countries ok 1");
    StatementEvent select = r.statements.get(1);
    assertThat(select.database()).isEqualTo("orders");
    assertThat(select.dialect()).isEqualTo(db.dialect().name());
    assertThat(select.operation()).isEqualTo(Operation.SELECT);
    assertThat(select.sql()).contains("countries").doesNotContain("c3");
    assertThat(select.binds()).containsExactly("?");
    assertThat(select.name()).isNull();
    assertThat(select.transactionId()).isNull();
  }

  @Test
  void valuesAreShownOnlyWhenTheDatabaseAllowsIt() {
    Recorder r = new Recorder();
    Database db = builder().observer(r).observeBinds(true).build();
    db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "c3")).fetch().collectList().block(T);
    assertThat(r.statements.get(0).binds()).containsExactly("c3");
    assertThat(r.statements.get(0).database()).isEqualTo(db.dialect().name());
  }

  @Test
  void aFailedStatementIsToldItsTypedError() {
    Recorder r = new Recorder();
    Database db = observed(r);
    db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T);
    assertThatThrownBy(() -> db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(r.ends).containsExactly("INSERT countries ok 1", "INSERT countries failed UniqueViolationException");
  }

  @Test
  void aCancelledStreamIsToldHowManyRowsItDelivered() {
    Recorder r = new Recorder();
    Database db = observed(r);
    db.insertInto(COUNTRIES).values(IntStream.range(0, 50).mapToObj(i -> new Country(null, "c" + i)).toList())
        .execute().block(T);
    assertThat(db.selectFrom(COUNTRIES).fetch().take(3).collectList().block(T)).hasSize(3);
    assertThat(r.ends).containsExactly("INSERT countries ok 50", "tx1 ok 1", "SELECT countries cancelled 3");
  }

  @Test
  void aTransactionAndItsStatementsShareAnIdAndTheQueryName() {
    Recorder r = new Recorder();
    Database db = observed(r);
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "a")).execute()
            .then(tx.insertInto(COUNTRIES).values(new Country(null, "b")).execute()))
        .contextWrite(QueryName.of("twoCountries")).blockLast(T);
    assertThat(r.transactions).hasSize(1);
    long id = r.transactions.get(0).transactionId();
    assertThat(r.transactions.get(0).name()).isEqualTo("twoCountries");
    assertThat(r.statements).extracting(StatementEvent::transactionId).containsExactly(id, id);
    assertThat(r.statements).extracting(StatementEvent::name).containsExactly("twoCountries", "twoCountries");
    assertThat(r.ends).containsExactly("INSERT countries ok 1", "INSERT countries ok 1", "tx" + id + " ok 2");

    failingTransaction(db);
    assertThat(r.transactions).hasSize(2);
    assertThat(r.transactions.get(1).transactionId()).isNotEqualTo(id);
    assertThat(r.ends.get(r.ends.size() - 1)).isEqualTo("tx" + r.transactions.get(1).transactionId()
        + " failed IllegalStateException");
  }

  @Test
  void anObserverThatThrowsBreaksNothing() {
    Recorder r = new Recorder();
    QueryObserver broken = new QueryObserver() {
      @Override public Finish statement(StatementEvent event) {
        throw new IllegalStateException("observer bug");
      }

      @Override public Finish transaction(TransactionEvent event) {
        return new Finish() {
          @Override public void succeeded(long rows, Duration elapsed) { throw new IllegalStateException("bug"); }

          @Override public void failed(Throwable error, Duration elapsed) { throw new IllegalStateException("bug"); }

          @Override public void cancelled(long rows, Duration elapsed) { throw new IllegalStateException("bug"); }
        };
      }
    };
    Database db = observed(broken, r);
    assertThat(db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "a")).execute())
        .blockLast(T)).isEqualTo(1L);
    assertThat(db.selectFrom(COUNTRIES).fetch().collectList().block(T)).hasSize(1);
    assertThat(r.ends).as("the next observer is still told").hasSize(3);
  }

  /** A transaction whose body fails after one insert. */
  private static void failingTransaction(Database db) {
    assertThatThrownBy(() -> db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "c"))
            .execute().then(Mono.<Long>error(new IllegalStateException("boom")))).blockLast(T))
        .hasMessage("boom");
  }
}
