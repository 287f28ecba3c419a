package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Country;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Transactions commit on completion, roll back on error and cancel; queries join via the Context. */
public abstract class TransactionContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  private long countries() {
    return db.selectFrom(COUNTRIES).fetch().count().block(T);
  }

  @Test
  void commitsWhenTheBodyCompletes() {
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A")).execute()
        .then(db.insertInto(COUNTRIES).values(new Country(null, "B")).execute())).blockLast(T);
    assertThat(countries()).isEqualTo(2);
  }

  @Test
  void rollsBackWhenTheBodyFails() {
    StepVerifier.create(db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A"))
            .execute().then(Mono.error(new IllegalStateException("boom")))))
        .expectErrorMessage("boom").verify(T);
    assertThat(countries()).isZero();
  }

  @Test
  void rollsBackWhenCancelled() throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger inserted = new java.util.concurrent.atomic.AtomicInteger();
    var d = db.inTransaction(tx -> Flux.range(0, 1000)
        .concatMap(i -> tx.insertInto(COUNTRIES).values(new Country(null, "c" + i)).execute()
            .delayElement(Duration.ofMillis(2)))
        .doOnNext(n -> inserted.incrementAndGet())).subscribe();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inserted.get() < 20 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    d.dispose();
    int before = inserted.get();
    assertThat(before).as("inserts done inside the transaction before the cancel").isBetween(20, 999);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    assertThat(inserted.get()).as("no insert after the cancel").isLessThanOrEqualTo(before + 1);
    assertThat(countries()).as("rows left by the cancelled transaction").isZero();
  }

  @Test
  void queriesInsideTheBodySeeItsUncommittedWrites() {
    Long seen = db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "Inside"))
            .execute().then(db.selectFrom(COUNTRIES).fetch().count()))
        .blockLast(T);
    assertThat(seen).isEqualTo(1L);
  }

  @Test
  void aNestedTransactionIsASavepoint() {
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "outer")).execute()
        .then(tx.inTransaction(inner -> inner.insertInto(COUNTRIES).values(new Country(null, "inner"))
                .execute().then(Mono.error(new IllegalStateException("inner fails"))))
            .onErrorResume(IllegalStateException.class, e -> Mono.empty()).then())
        .then(db.insertInto(COUNTRIES).values(new Country(null, "after")).execute())).blockLast(T);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList()
        .block(T)).containsExactly("outer", "after");
  }

  /** One body in three runtime types: a {@code Mono}, a {@code Flux} and a bare {@code Publisher}. */
  private static final List<Function<Mono<String>, Publisher<String>>> FORMS = List.of(
      mono -> mono, mono -> Flux.from(mono), mono -> subscriber -> mono.subscribe(subscriber));
  private static final List<String> FORM_NAMES = List.of("Mono", "Flux", "Publisher");

  private long countriesNamed(String name) {
    return db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, name)).fetch().count().block(T);
  }

  @Test
  void takingTheOnlyValueCommitsWhateverTheBodysRuntimeType() throws InterruptedException {
    for (int i = 0; i < FORMS.size(); i++) {
      String name = FORM_NAMES.get(i);
      Function<Mono<String>, Publisher<String>> form = FORMS.get(i);
      String first = db.inTransaction(tx -> form.apply(tx.insertInto(COUNTRIES).values(new Country(null, name))
          .execute().thenReturn(name))).blockFirst(T);   // blockFirst cancels after the first value
      assertThat(first).isEqualTo(name);
      assertThat(countriesNamed(name)).as("%s body: row committed", name).isEqualTo(1);
      assertThat(acquiredConnectionsAfterSettling()).as("%s body: connection given back", name).isZero();
    }
  }

  @Test
  void aFailingBodyRollsBackWhateverItsRuntimeType() {
    for (int i = 0; i < FORMS.size(); i++) {
      String name = FORM_NAMES.get(i);
      Function<Mono<String>, Publisher<String>> form = FORMS.get(i);
      StepVerifier.create(db.inTransaction(tx -> form.apply(tx.insertInto(COUNTRIES)
              .values(new Country(null, name)).execute()
              .then(Mono.<String>error(new IllegalStateException(name + " fails"))))))
          .expectErrorMessage(name + " fails").verify(T);
      assertThat(countriesNamed(name)).as("%s body: rolled back", name).isZero();
    }
  }

  @Test
  void takingTheOnlyValueOfANestedBodyKeepsItsWorkWhateverItsRuntimeType() {
    for (int i = 0; i < FORMS.size(); i++) {
      String name = FORM_NAMES.get(i);
      Function<Mono<String>, Publisher<String>> form = FORMS.get(i);
      List<String> got = db.inTransaction(tx -> tx.inTransaction(inner -> form.apply(inner.insertInto(COUNTRIES)
              .values(new Country(null, name)).execute().thenReturn(name))).next()
          .flatMap(v -> tx.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, name)).fetch().count()
              .map(n -> v + "=" + n))).collectList().block(T);
      assertThat(got).as("%s nested body: savepoint released, row seen by the outer body", name)
          .containsExactly(name + "=1");
      assertThat(countriesNamed(name)).as("%s nested body: row committed", name).isEqualTo(1);
    }
  }

  @Test
  void aCancelWhileTheBodyStillRunsRollsBack() throws InterruptedException {
    // Two values: the subscriber takes the first and cancels while the body has not completed.
    List<String> got = db.inTransaction(tx -> Flux.concat(
            tx.insertInto(COUNTRIES).values(new Country(null, "first")).execute().thenReturn("first"),
            tx.insertInto(COUNTRIES).values(new Country(null, "second")).execute().thenReturn("second"),
            Mono.<String>never()))
        .take(1).collectList().block(T);
    assertThat(got).containsExactly("first");
    assertThat(acquiredConnectionsAfterSettling()).isZero();
    assertThat(countries()).as("rows left by the cancelled transaction").isZero();
  }
}
