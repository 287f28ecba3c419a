package dev.sluice.contract;

import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.SluiceException;
import dev.sluice.Transaction;
import dev.sluice.TxOptions;
import dev.sluice.testing.Country;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Transaction options, Mono bodies, empty bodies and the manual transaction API. */
public abstract class TransactionApiContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  private long countries() {
    return db.selectFrom(COUNTRIES).fetch().count().block(T);
  }

  @Test
  void aMonoBodyTakenWithNextStillCommits() throws InterruptedException {
    Long n = db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "A")).execute())
        .next().block(T);
    assertThat(n).isEqualTo(1L);
    assertThat(countries()).isEqualTo(1);
    assertThat(db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "B")).execute())
        .blockFirst(T)).isEqualTo(1L);
    assertThat(countries()).isEqualTo(2);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
  }

  @Test
  void anEmptyBodyCommits() throws InterruptedException {
    StepVerifier.create(db.inTransaction(tx -> Mono.empty())).verifyComplete();
    StepVerifier.create(db.inTransaction(tx -> Flux.empty())).verifyComplete();
    StepVerifier.create(db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "E"))
        .execute().then())).verifyComplete();
    assertThat(countries()).isEqualTo(1);
    assertThat(acquiredConnectionsAfterSettling()).isZero();
  }

  @Test
  void aReadOnlyTransactionRefusesWrites() throws InterruptedException {
    StepVerifier.create(db.inTransaction(TxOptions.defaults().readOnly(),
            tx -> tx.insertInto(COUNTRIES).values(new Country(null, "ro")).execute()))
        .expectError(SluiceException.class).verify(T);
    assertThat(countries()).isZero();
    assertThat(db.inTransaction(TxOptions.defaults().readOnly(), tx -> tx.selectFrom(COUNTRIES).fetch().count())
        .blockLast(T)).isZero();
    assertThat(acquiredConnectionsAfterSettling()).isZero();
  }

  @Test
  void aNestedMonoSavepointRollsBackAloneAndCommitsOnSuccess() {
    db.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "outer")).execute()
        .then(tx.inTransaction(in -> in.insertInto(COUNTRIES).values(new Country(null, "kept")).execute()).next())
        .then(tx.inTransaction(in -> in.insertInto(COUNTRIES).values(new Country(null, "dropped")).execute()
                .then(Mono.<Long>error(new IllegalStateException("inner"))))
            .onErrorResume(IllegalStateException.class, e -> Mono.empty()).then()))
        .blockLast(T);
    assertThat(db.selectFrom(COUNTRIES).orderBy(COUNTRIES.id).fetch().map(Country::name).collectList()
        .block(T)).containsExactly("outer", "kept");
  }

  @Test
  void aManualTransactionCommitsOrRollsBack() throws InterruptedException {
    Transaction tx = db.beginTransaction().block(T);
    assertThat(tx.run(db.insertInto(COUNTRIES).values(new Country(null, "m1")).execute()).block(T)).isEqualTo(1L);
    assertThat(tx.run(db.selectFrom(COUNTRIES).fetch().count()).block(T)).isEqualTo(1L);
    tx.commit().block(T);
    assertThat(tx.isActive()).isFalse();
    StepVerifier.create(tx.commit()).expectError(SluiceException.class).verify(T);
    StepVerifier.create(tx.run(db.selectFrom(COUNTRIES).fetch())).expectError(SluiceException.class).verify(T);

    Transaction rolled = db.beginTransaction().block(T);
    rolled.run(db.insertInto(COUNTRIES).values(new Country(null, "m2")).execute()).block(T);
    rolled.run(db.inTransaction(in -> in.insertInto(COUNTRIES).values(new Country(null, "m3")).execute())).blockLast(T);
    rolled.rollback().block(T);
    assertThat(db.selectFrom(COUNTRIES).fetch().map(Country::name).collectList().block(T)).containsExactly("m1");
    assertThat(acquiredConnectionsAfterSettling()).isZero();
  }
}
