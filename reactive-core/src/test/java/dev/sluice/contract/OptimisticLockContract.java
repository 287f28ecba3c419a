package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Versioned.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.RetryPolicy;
import dev.sluice.TxOptions;
import dev.sluice.error.OptimisticLockException;
import dev.sluice.schema.Table;
import dev.sluice.testing.Versioned.Account;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Optimistic locking on a live database: a {@code version()} column starts at 1, every update adds
 * one, an update by key of a stale record fails with {@link OptimisticLockException} naming the table
 * and key and writes nothing; {@code save} uses it, and a transaction's retry policy retries it.
 */
public abstract class OptimisticLockContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {ACCOUNTS}; }

  private Account read(int id) {
    return db.selectFrom(ACCOUNTS).where(eq(ACCOUNTS.id, id)).fetchOne().block(T);
  }

  private Account open(String owner, int balance) {
    return db.insertInto(ACCOUNTS).values(Account.of(owner, balance)).returning().block(T);
  }

  @Test
  void insertsStartAtVersionOne() {
    assertThat(open("ann", 5).version()).isEqualTo(1);
    assertThat(db.insertInto(ACCOUNTS).set(ACCOUNTS.owner, "bob").returning().block(T).version()).isEqualTo(1);
    db.insertInto(ACCOUNTS).values(List.of(Account.of("c", 1), Account.of("d", 2))).execute().block(T);
    assertThat(db.selectFrom(ACCOUNTS).pluck(ACCOUNTS.version).collectList().block(T)).containsOnly(1);
  }

  @Test
  void anUpdateByKeyMovesTheVersionOn() {
    Account a = open("ann", 5);
    assertThat(db.update(ACCOUNTS).byKey(a.withBalance(10)).execute().block(T)).isEqualTo(1L);
    assertThat(read(a.id())).isEqualTo(new Account(a.id(), "ann", 10, 2));
    db.update(ACCOUNTS).set(ACCOUNTS.balance, 0).all().execute().block(T);
    assertThat(read(a.id()).version()).as("every update adds one").isEqualTo(3);
  }

  @Test
  void aStaleUpdateByKeyFailsNamingTableAndKeyAndWritesNothing() {
    Account a = open("ann", 5);
    db.update(ACCOUNTS).byKey(a.withBalance(10)).execute().block(T);
    assertThatThrownBy(() -> db.update(ACCOUNTS).byKey(a.withBalance(99)).execute().block(T))
        .isInstanceOfSatisfying(OptimisticLockException.class, e -> {
          assertThat(e.table()).isEqualTo("accounts");
          assertThat(e.key()).containsExactly(a.id());
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.getMessage()).isEqualTo("Row of accounts with key [" + a.id()
              + "] is no longer at version 1: it was changed or deleted since it was read");
          assertThat(e.sql()).startsWith("UPDATE ");
        });
    assertThat(read(a.id())).isEqualTo(new Account(a.id(), "ann", 10, 2));
  }

  @Test
  void saveInsertsThenUpdatesByVersionAndRefusesAStaleRecord() {
    Account a = db.save(ACCOUNTS, Account.of("ann", 5)).block(T);
    assertThat(a.version()).isEqualTo(1);
    Account b = db.save(ACCOUNTS, a.withBalance(7)).block(T);
    assertThat(b).isEqualTo(new Account(a.id(), "ann", 7, 2));
    assertThatThrownBy(() -> db.save(ACCOUNTS, a.withBalance(8)).block(T))
        .isInstanceOf(OptimisticLockException.class);
    assertThat(read(a.id())).isEqualTo(b);
  }

  @Test
  void aStaleSaveRollsItsTransactionBack() {
    Account a = open("ann", 5);
    db.update(ACCOUNTS).byKey(a.withBalance(6)).execute().block(T);
    assertThatThrownBy(() -> db.inTransaction(tx -> tx.insertInto(ACCOUNTS).values(Account.of("bob", 1)).execute()
            .then(tx.save(ACCOUNTS, a.withBalance(1)))).blockLast(T))
        .isInstanceOf(OptimisticLockException.class);
    assertThat(db.selectFrom(ACCOUNTS).count().block(T)).as("bob rolled back").isEqualTo(1L);
  }

  @Test
  void theRetryPolicyRunsTheTransactionAgainOnAStaleRecord() {
    Account a = open("ann", 5);
    Account stale = a;
    db.update(ACCOUNTS).byKey(a.withBalance(6)).execute().block(T);
    AtomicInteger attempts = new AtomicInteger();
    Account saved = db.inTransaction(TxOptions.defaults().retry(RetryPolicy.onTransientFailures(2, Duration.ZERO)),
        tx -> Mono.defer(() -> attempts.incrementAndGet() == 1 ? Mono.just(stale)
                : tx.selectFrom(ACCOUNTS).where(eq(ACCOUNTS.id, a.id())).fetchOne())
            .flatMap(current -> tx.save(ACCOUNTS, current.withBalance(current.balance() + 100))))
        .blockLast(T);
    assertThat(attempts).hasValue(2);
    assertThat(saved).isEqualTo(new Account(a.id(), "ann", 106, 3));
  }
}
