package dev.sluice.spring.boot;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.spring.boot.Accounts.ACCOUNTS;
import static dev.sluice.spring.boot.Accounts.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.error.BadSqlException;
import dev.sluice.error.CheckViolationException;
import dev.sluice.error.DatabaseClosedException;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.NotNullViolationException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.TooManyRowsException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.spring.boot.Accounts.Account;
import dev.sluice.spring.boot.Accounts.Owner;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Real errors of a real database, translated by {@link SpringErrors} into Spring's
 * {@link DataAccessException}s with the Sluice exception as the cause; one subclass per database.
 */
abstract class ExceptionTranslationContract {
  static final Duration T = Duration.ofSeconds(30);
  protected Database db;

  /** A fresh database of the target, built anew for each test. */
  abstract Database open();

  @BeforeEach
  void createTables() {
    db = open();
    db.dropTables(ACCOUNTS, OWNERS).then(db.createTables(OWNERS, ACCOUNTS)).block(T);
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  /** The error {@code work} ends with, translated at the Spring boundary. */
  static DataAccessException translatedError(Publisher<?> work) {
    Throwable e = Flux.from(work).then().transform(SpringErrors::translated)
        .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(T);
    assertThat(e).as("the work failed").isInstanceOf(DataAccessException.class);
    return (DataAccessException) e;
  }

  static Account account(String email) {
    return new Account(null, email, null, 1);
  }

  @Test
  void aDuplicateKeyIsDuplicateKeyException() {
    db.insertInto(ACCOUNTS).values(account("a@x")).execute().block(T);
    DataAccessException e = translatedError(db.insertInto(ACCOUNTS).values(account("a@x")).execute());
    assertThat(e).isExactlyInstanceOf(DuplicateKeyException.class).hasCauseInstanceOf(UniqueViolationException.class);
    SluiceException cause = (SluiceException) e.getCause();
    assertThat(cause.sqlState()).isNotNull();
    assertThat(cause.sql()).containsIgnoringCase("insert into");
    assertThat(e.getMessage()).isEqualTo(cause.getMessage());
    assertThat(db.selectFrom(ACCOUNTS).fetch().count().block(T)).isEqualTo(1L);
  }

  @Test
  void aMissingParentIsDataIntegrityViolation() {
    DataAccessException e = translatedError(db.insertInto(ACCOUNTS).values(new Account(null, "b@x", 999, 1)).execute());
    assertThat(e).isExactlyInstanceOf(DataIntegrityViolationException.class)
        .hasCauseInstanceOf(ForeignKeyViolationException.class);
  }

  @Test
  void aNullInANotNullColumnIsDataIntegrityViolation() {
    DataAccessException e = translatedError(db.insertInto(ACCOUNTS).values(account(null)).execute());
    assertThat(e).isExactlyInstanceOf(DataIntegrityViolationException.class)
        .hasCauseInstanceOf(NotNullViolationException.class);
  }

  @Test
  void aFailedCheckIsDataIntegrityViolation() {
    DataAccessException e = translatedError(db.insertInto(ACCOUNTS).values(new Account(null, "c@x", null, -5)).execute());
    assertThat(e).isExactlyInstanceOf(DataIntegrityViolationException.class)
        .hasCauseInstanceOf(CheckViolationException.class);
  }

  @Test
  void anUnknownTableIsInvalidDataAccessResourceUsage() {
    DataAccessException e = translatedError(db.sql("SELECT nope FROM no_such_table").fetch());
    assertThat(e).isExactlyInstanceOf(InvalidDataAccessResourceUsageException.class)
        .hasCauseInstanceOf(BadSqlException.class);
  }

  @Test
  void twoRowsForFetchOneIsIncorrectResultSize() {
    db.insertInto(ACCOUNTS).values(account("d@x")).execute().then(db.insertInto(ACCOUNTS).values(account("e@x")).execute()).block(T);
    DataAccessException e = translatedError(db.selectFrom(ACCOUNTS).fetchOne());
    assertThat(e).isExactlyInstanceOf(IncorrectResultSizeDataAccessException.class)
        .hasCauseInstanceOf(TooManyRowsException.class);
    assertThat(((IncorrectResultSizeDataAccessException) e).getExpectedSize()).isEqualTo(1);
  }

  @Test
  void aClosedDatabaseIsDataAccessResourceFailure() {
    Database own = open();
    assertThat(own.selectFrom(OWNERS).fetch().count().block(T)).isZero();
    own.close().block(T);
    DataAccessException e = translatedError(own.selectFrom(OWNERS).fetch());
    assertThat(e).isExactlyInstanceOf(DataAccessResourceFailureException.class)
        .hasCauseInstanceOf(DatabaseClosedException.class);
  }

  @Test
  void theTranslatorBeanTranslatesSluiceErrorsOnly() {
    db.insertInto(OWNERS).values(new Owner(null, "o")).execute().block(T);
    SluiceException raw = db.insertInto(ACCOUNTS).values(new Account(null, "f@x", 12345, 1)).execute()
        .then(Mono.<SluiceException>empty()).onErrorResume(SluiceException.class, Mono::just).block(T);
    SluiceExceptionTranslator translator = new SluiceExceptionTranslator();
    assertThat(translator.translateExceptionIfPossible(raw)).isInstanceOf(DataIntegrityViolationException.class)
        .hasCause(raw);
    assertThat(translator.translateExceptionIfPossible(new IllegalStateException("mine"))).isNull();
    IllegalStateException mine = new IllegalStateException("mine");
    assertThat(SpringErrors.translate(mine)).isSameAs(mine);
    assertThat(db.selectFrom(ACCOUNTS).where(eq(ACCOUNTS.email, "f@x")).fetch().count().block(T)).isZero();
  }
}
