package dev.sluice.spring.boot;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.spring.boot.Accounts.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.QueryTimeout;
import dev.sluice.error.ConnectionAcquireTimeoutException;
import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.ValueTooLongException;
import dev.sluice.spring.boot.Accounts.Account;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** {@link ExceptionTranslationContract} on PostgreSQL, plus the errors SQLite cannot raise. */
class PostgresExceptionTranslationIT extends ExceptionTranslationContract {

  @Override
  Database open() {
    return Database.builder().url(PostgresDatabase.url()).poolSize(3).build();
  }

  @Test
  void aTooLongValueIsDataIntegrityViolation() {
    DataAccessException e = translatedError(db.insertInto(ACCOUNTS).values(account("x".repeat(21))).execute());
    assertThat(e).isExactlyInstanceOf(DataIntegrityViolationException.class)
        .hasCauseInstanceOf(ValueTooLongException.class);
  }

  @Test
  void aStatementPastItsTimeoutIsQueryTimeoutException() {
    long start = System.nanoTime();
    DataAccessException e = translatedError(db.sql("SELECT pg_sleep(10)").fetch()
        .contextWrite(QueryTimeout.of(Duration.ofMillis(300))));
    assertThat(e).isExactlyInstanceOf(QueryTimeoutException.class)
        .hasCauseInstanceOf(dev.sluice.error.QueryTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aLockedRowForNoWaitIsCannotAcquireLock() throws InterruptedException {
    db.insertInto(ACCOUNTS).values(account("locked@x")).execute().block(T);
    CountDownLatch locked = new CountDownLatch(1);
    Sinks.Empty<Void> release = Sinks.empty();
    Disposable holder = db.inTransaction(tx -> db.selectFrom(ACCOUNTS).where(eq(ACCOUNTS.email, "locked@x")).forUpdate()
        .fetch().doOnNext(x -> locked.countDown()).then(release.asMono())).subscribe();
    try {
      assertThat(locked.await(20, TimeUnit.SECONDS)).as("the first transaction holds the row lock").isTrue();
      DataAccessException e = translatedError(db.inTransaction(tx -> db.selectFrom(ACCOUNTS)
          .where(eq(ACCOUNTS.email, "locked@x")).forUpdateNoWait().fetch()));
      assertThat(e).isExactlyInstanceOf(CannotAcquireLockException.class)
          .hasCauseInstanceOf(LockNotAvailableException.class);
    } finally {
      release.tryEmitEmpty();
      holder.dispose();
    }
  }

  @Test
  void noFreeConnectionIsTransientDataAccessResourceException() throws InterruptedException {
    Database one = Database.builder().url(PostgresDatabase.url()).poolSize(1)
        .acquireTimeout(Duration.ofMillis(300)).build();
    CountDownLatch holding = new CountDownLatch(1);
    Sinks.Empty<Void> release = Sinks.empty();
    Disposable holder = one.inTransaction(tx -> one.sql("SELECT 1 AS one").fetch()
        .doOnNext(x -> holding.countDown()).then(release.asMono())).subscribe();
    try {
      assertThat(holding.await(20, TimeUnit.SECONDS)).as("the only connection is taken").isTrue();
      DataAccessException e = translatedError(one.selectFrom(ACCOUNTS).fetch());
      assertThat(e).isExactlyInstanceOf(TransientDataAccessResourceException.class)
          .hasCauseInstanceOf(ConnectionAcquireTimeoutException.class);
    } finally {
      release.tryEmitEmpty();
      holder.dispose();
      one.close().onErrorResume(x -> Mono.empty()).block(T);
    }
  }

}
