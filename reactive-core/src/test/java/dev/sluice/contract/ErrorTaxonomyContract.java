package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sluice.error.BadSqlException;
import dev.sluice.Database;
import dev.sluice.error.DatabaseClosedException;
import dev.sluice.error.ForeignKeyViolationException;
import dev.sluice.error.LockNotAvailableException;
import dev.sluice.error.NonTransientDataException;
import dev.sluice.error.SluiceException;
import dev.sluice.error.TransientDataException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.schema.Column;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.Table;
import dev.sluice.testing.Country;
import dev.sluice.testing.User;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Every failure a user can cause is a typed {@link SluiceException} that says whether trying again
 * may help and carries the database's SQLSTATE or error number; and no bound value appears anywhere
 * in what a logger would print of it: message, causes, suppressed errors.
 */
public abstract class ErrorTaxonomyContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private static final String SECRET = "s3cr3t-Qx7";

  /** An owner whose pets hold it with ON DELETE RESTRICT. */
  public record Owner(Integer id, String name) { }

  /** A pet of an owner. */
  public record Pet(Integer id, Integer ownerId) { }

  public static final class Owners extends Table<Owner> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> name = varchar("name", 64);
    public Owners() { super("owners"); }
  }

  public static final Owners OWNERS = new Owners();

  public static final class Pets extends Table<Pet> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<Integer> ownerId = integer("owner_id")
        .references(() -> OWNERS.id, ReferentialAction.RESTRICT, ReferentialAction.RESTRICT);
    public Pets() { super("pets"); }
  }

  public static final Pets PETS = new Pets();

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {PETS, OWNERS}; }

  private static SluiceException failure(Mono<?> work) {
    try {
      work.block(T);
    } catch (SluiceException e) {
      return e;
    } catch (RuntimeException e) {
      fail("expected a SluiceException, got " + e, e);
    }
    return fail("expected the statement to fail");
  }

  /** What a logger prints of {@code e}: its stack trace, with every cause and suppressed error. */
  private static String logged(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** Every throwable reachable from {@code e} through causes and suppressed errors. */
  private static List<Throwable> chain(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      all.add(t);
      todo.add(t.getCause());
      todo.addAll(List.of(t.getSuppressed()));
    }
    return all;
  }

  private static void assertNoSecret(Throwable e) {
    assertThat(logged(e)).as("the logged stack trace").doesNotContain(SECRET);
    for (Throwable t : chain(e)) {
      assertThat(String.valueOf(t.getMessage())).as("message of " + t.getClass().getName()).doesNotContain(SECRET);
      assertThat(t.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void aUniqueViolationCarriesItsCodeAndIsNotTransient() {
    db.insertInto(USERS).values(new User(null, "A", null, "dup@x.io", null)).execute().block(T);
    SluiceException e = failure(db.insertInto(USERS).values(new User(null, "B", null, "dup@x.io", null)).execute());
    assertThat(e).isInstanceOf(UniqueViolationException.class).isInstanceOf(NonTransientDataException.class);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.sqlState() != null || e.vendorCode() != 0).as("SQLSTATE or vendor code").isTrue();
  }

  @Test
  void boundValuesAppearNowhereInTheLoggedError() {
    db.insertInto(USERS).values(new User(null, "A", null, SECRET + "@x.io", null)).execute().block(T);
    List<SluiceException> errors = new ArrayList<>();
    errors.add(failure(db.insertInto(USERS).values(new User(null, "B", null, SECRET + "@x.io", null)).execute()));
    errors.add(failure(db.insertInto(USERS).values(new User(null, null, SECRET + "-phone", SECRET + "-2@x.io",
        null)).execute()));
    errors.add(failure(db.insertInto(USERS).values(new User(null, "D", SECRET + "-phone-too-long-for-20", null,
        null)).execute()));
    errors.add(failure(db.update(USERS).set(USERS.email, SECRET + "@x.io").where(ne(USERS.email, SECRET + "@x.io"))
        .execute().then(db.insertInto(USERS).values(new User(null, "C", null, SECRET + "@x.io", null)).execute())));
    for (SluiceException e : errors) {
      assertThat(e.getMessage()).contains("redacted");
      assertNoSecret(e);
    }
  }

  @Test
  void aValueTheDatabaseCannotParseIsTypedAndRedacted() {
    try {
      db.sql("SELECT id FROM countries WHERE id = {0}", SECRET).fetch().collectList().block(T);
    } catch (SluiceException e) {
      assertNoSecret(e);
      return;
    } catch (RuntimeException e) {
      fail("expected a SluiceException, got " + e, e);
    }
    // MySQL, MariaDB and SQLite compare a number with text without an error: nothing to check there.
  }

  @Test
  void fetchOneOverTwoRowsIsTooManyRowsAndReturnsNeither() {
    db.insertInto(COUNTRIES).values(java.util.List.of(new Country(null, "x1"), new Country(null, "x2")))
        .execute().block(T);
    SluiceException e = failure(db.selectFrom(COUNTRIES).where(like(COUNTRIES.name, "x%")).fetchOne());
    assertThat(e).isInstanceOf(dev.sluice.error.TooManyRowsException.class)
        .hasMessageContaining("fetchOne() expected at most one row");
    assertThat(e.isTransient()).isFalse();
    assertThat(e.sql()).startsWith("SELECT");
    assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "x1")).fetchOne().block(T).name()).isEqualTo("x1");
  }

  @Test
  void aSyntaxErrorIsBadSql() {
    SluiceException e = failure(db.sql("SELEKT 1").execute());
    assertThat(e).isInstanceOf(BadSqlException.class).hasMessageContaining("SELEKT 1");
    assertThat(e.isTransient()).isFalse();
    assertThat(e.sqlState()).isNotNull();
  }

  @Test
  void aMissingTableIsBadSql() {
    SluiceException e = failure(db.sql("SELECT * FROM no_such_table_here").fetch().collectList());
    assertThat(e).isInstanceOf(BadSqlException.class);
  }

  @Test
  void deletingAParentARestrictForeignKeyHoldsIsAForeignKeyViolation() {
    Owner o = db.insertInto(OWNERS).values(new Owner(null, "o")).returning().block(T);
    db.insertInto(PETS).values(new Pet(null, o.id())).execute().block(T);
    SluiceException e = failure(db.deleteFrom(OWNERS).where(eq(OWNERS.id, o.id())).execute());
    assertThat(e).isInstanceOf(ForeignKeyViolationException.class);
    assertThat(db.selectFrom(OWNERS).fetch().count().block(T)).isEqualTo(1L);
  }

  @Test
  void aLockedRowIsLockNotAvailableForNoWait() throws InterruptedException {
    Country c = db.insertInto(COUNTRIES).values(new Country(null, "locked")).returning().block(T);
    CountDownLatch locked = new CountDownLatch(1);
    Sinks.Empty<Void> release = Sinks.empty();
    var holder = db.inTransaction(tx -> db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, c.id())).forUpdate()
        .fetch().doOnNext(x -> locked.countDown()).then(release.asMono())).subscribe();
    try {
      assertThat(locked.await(20, TimeUnit.SECONDS)).as("the first transaction holds the row lock").isTrue();
      SluiceException e = failure(db.inTransaction(tx -> db.selectFrom(COUNTRIES).where(eq(COUNTRIES.id, c.id()))
          .forUpdateNoWait().fetch()).then());
      assertThat(e).isInstanceOf(LockNotAvailableException.class).isInstanceOf(TransientDataException.class);
      assertThat(e.isTransient()).isTrue();
      assertThat(e.sqlState() != null || e.vendorCode() != 0).isTrue();
    } finally {
      release.tryEmitEmpty();
      holder.dispose();
    }
  }

  @Test
  void aClosedDatabaseSaysSo() {
    Database own = Database.builder().connectionFactory(target().connectionFactory()).poolSize(1).build();
    assertThat(own.sql("SELECT 1 AS one").fetch().count().block(T)).isEqualTo(1L);
    own.close().block(T);
    SluiceException e = failure(own.sql("SELECT 1 AS one").fetch().count());
    assertThat(e).isInstanceOf(DatabaseClosedException.class).hasMessageContaining("closed");
  }
}
