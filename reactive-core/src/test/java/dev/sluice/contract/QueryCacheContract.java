package dev.sluice.contract;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.CITIES;
import static dev.sluice.testing.Schema.COUNTRIES;
import static dev.sluice.testing.Schema.KITCHENS;
import static dev.sluice.testing.Schema.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.cache.InMemoryQueryCache;
import dev.sluice.cache.QueryCache;
import dev.sluice.error.IllegalUseException;
import dev.sluice.testing.City;
import dev.sluice.testing.Country;
import dev.sluice.testing.Popularity;
import dev.sluice.testing.Money;
import dev.sluice.testing.Kitchen;
import java.time.Duration;
import java.util.UUID;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The in-memory query cache on a live database: hits run no statement, writes through the database
 * drop what they made stale (on commit inside a transaction, not on rollback), time to live, tags,
 * one query for a stampede of misses, errors never cached. Statements are counted on the connections.
 */
public abstract class QueryCacheContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  private final AtomicInteger statements = new AtomicInteger();
  private QueryCache cache;
  private Database cached;

  @BeforeEach
  void cachedDatabase() {
    cache = newCache();
    cached = Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements)).pooled(false)
        .cache(cache).build();
    db.insertInto(COUNTRIES).values(List.of(new Country(null, "a"), new Country(null, "b"))).execute().block(T);
    statements.set(0);
  }

  /** The cache under test (a new one, empty, for each test). */
  protected QueryCache newCache() {
    return InMemoryQueryCache.builder().build();
  }

  private List<String> names() {
    return cached.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).cached(Duration.ofMinutes(1)).list()
        .map(l -> l.stream().map(Country::name).toList()).block(T);
  }

  @Test
  void aSecondReadIsAHitAndRunsNoStatement() {
    assertThat(names()).containsExactly("a", "b");
    assertThat(names()).containsExactly("a", "b");
    assertThat(statements).as("one statement for two reads").hasValue(1);
    assertThat(cached.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).cached(Duration.ofMinutes(1)).fetchOne()
        .map(Country::name).block(T)).isEqualTo("a");
    assertThat(cached.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "b")).cached(Duration.ofMinutes(1)).fetchOne()
        .map(Country::name).block(T)).as("another bound value is another entry").isEqualTo("b");
    assertThat(statements).hasValue(3);
  }

  @Test
  void aWriteThroughTheDatabaseDropsTheReadsOfItsTable() {
    assertThat(names()).containsExactly("a", "b");
    cached.insertInto(COUNTRIES).values(new Country(null, "c")).execute().block(T);
    assertThat(names()).containsExactly("a", "b", "c");
    cached.update(COUNTRIES).set(COUNTRIES.name, "z").where(eq(COUNTRIES.name, "a")).execute().block(T);
    assertThat(names()).containsExactly("b", "c", "z");
    cached.deleteFrom(COUNTRIES).where(eq(COUNTRIES.name, "z")).execute().block(T);
    assertThat(names()).containsExactly("b", "c");
  }

  @Test
  void aTransactionDropsOnCommitNotBeforeAndNotOnRollback() {
    assertThat(names()).containsExactly("a", "b");
    assertThatThrownBy(() -> cached.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "r"))
            .execute().then(Mono.<Long>error(new IllegalStateException("boom")))).blockLast(T))
        .hasMessage("boom");
    int before = statements.get();
    assertThat(names()).as("rolled back: the cached read is still right, and still cached").containsExactly("a", "b");
    assertThat(statements).hasValue(before);

    cached.inTransaction(tx -> tx.insertInto(COUNTRIES).values(new Country(null, "c")).execute()
        .then(tx.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).cached(Duration.ofMinutes(1)).list())
        .doOnNext(inside -> assertThat(inside).as("inside the transaction: its own write, not the cache")
            .extracting(Country::name).containsExactly("a", "b", "c"))).blockLast(T);
    assertThat(names()).as("committed: dropped").containsExactly("a", "b", "c");
  }

  @Test
  void entriesExpireAndTagsAndTablesCanBeDroppedByHand() throws InterruptedException {
    cached.selectFrom(COUNTRIES).cached(Duration.ofMillis(200)).list().block(T);
    cached.selectFrom(COUNTRIES).cached(Duration.ofMillis(200)).list().block(T);
    assertThat(statements).hasValue(1);
    Thread.sleep(400);
    cached.selectFrom(COUNTRIES).cached(Duration.ofMillis(200)).list().block(T);
    assertThat(statements).as("expired: read again").hasValue(2);

    cached.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).cached(Duration.ofMinutes(1), "ref").list().block(T);
    cached.invalidateTags("ref").block(T);
    cached.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).cached(Duration.ofMinutes(1), "ref").list().block(T);
    assertThat(statements).as("tag dropped: read again").hasValue(4);
    names();
    cached.invalidate(COUNTRIES).block(T);
    names();
    assertThat(statements).as("table dropped: read again").hasValue(6);
  }

  @Test
  void aStampedeOfMissesRunsOneQuery() {
    List<List<Country>> all = Flux.range(0, 100)
        .flatMap(i -> cached.selectFrom(COUNTRIES).orderBy(COUNTRIES.name).cached(Duration.ofMinutes(1)).list()
            .subscribeOn(Schedulers.parallel()), 100)
        .collectList().block(T);
    assertThat(all).hasSize(100).allSatisfy(rows -> assertThat(rows).extracting(Country::name).containsExactly("a", "b"));
    assertThat(statements).as("100 concurrent misses, one query").hasValue(1);
  }

  @Test
  void anErrorIsNeverCachedAndADatabaseWithoutACacheSaysSo() {
    // posts is not created by this contract: reading it fails, each time anew
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cached.selectFrom(POSTS).cached(Duration.ofMinutes(1)).list().block(T))
          .isInstanceOf(dev.sluice.error.SluiceException.class);
    }
    assertThat(statements).as("the failed read was run twice, not cached").hasValue(2);
    if (cache instanceof InMemoryQueryCache memory) {
      assertThat(memory.size()).isZero();
    }
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).cached().list().block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("no query cache");
    assertThatThrownBy(() -> db.invalidate(COUNTRIES).block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("no query cache");
  }

  @Test
  void aCachedReadGivesTheDatabasesValuesExactlyAndCannotBeChangedByItsCaller() {
    Kitchen k = new Kitchen(null, (short) -7, Integer.MIN_VALUE, Long.MAX_VALUE, false, "xyz", "üñï 𝄞 text",
        new BigDecimal("-1234567890.10"), 0.1f, 0.1d + 0.2d, LocalDate.of(1970, 1, 1), LocalTime.of(23, 59, 59, 123_456_000),
        LocalDateTime.of(2026, 12, 3, 1, 2, 3, 456_000_000), OffsetDateTime.of(2026, 12, 3, 1, 2, 3, 0, ZoneOffset.UTC),
        UUID.fromString("3f1c1a76-8d0e-4a55-9f1e-6a7a1b2c3d4e"), "{\"a\": [1, 2.50]}", new byte[] {0, -1, 127},
        Popularity.POPULAR, new Money(1999));
    db.insertInto(KITCHENS).values(List.of(k, new Kitchen(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null))).execute().block(T);
    List<Kitchen> direct = db.selectFrom(KITCHENS).orderBy(KITCHENS.id).fetch().collectList().block(T);
    List<Kitchen> miss = cached.selectFrom(KITCHENS).orderBy(KITCHENS.id).cached(Duration.ofMinutes(1)).list().block(T);
    miss.get(0).payload()[0] = 42;
    List<Kitchen> hit = cached.selectFrom(KITCHENS).orderBy(KITCHENS.id).cached(Duration.ofMinutes(1)).list().block(T);
    assertThat(statements).as("the second read was a hit").hasValue(1);
    assertThat(hit).usingRecursiveComparison().isEqualTo(direct);
    assertThat(hit.get(0).amount().scale()).isEqualTo(direct.get(0).amount().scale());
    assertThat(hit.get(0).payload()).as("the first reader's change did not reach the cache").containsExactly(0, -1, 127);
    assertThat(hit.get(1)).as("the row of nulls").usingRecursiveComparison().ignoringFields("id")
        .isEqualTo(new Kitchen(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null));
    assertThat(cached.select(KITCHENS.amount, KITCHENS.stampTz).from(KITCHENS).orderBy(KITCHENS.id)
        .cached(Duration.ofMinutes(1)).list().block(T)).as("another row type over the same table")
        .hasSize(2);
  }

  @Test
  void aMemoReadsEachKeyOnceAndIsDroppedByItsNameOrByAWrite() {
    dev.sluice.Memo<String, Country> byName = cached.memo("countryByName", Duration.ofMinutes(1),
        (String name) -> cached.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, name)));
    assertThat(byName.one("a").map(Country::name).block(T)).isEqualTo("a");
    assertThat(byName.one("a").map(Country::name).block(T)).isEqualTo("a");
    assertThat(byName.list("b").block(T)).extracting(Country::name).containsExactly("b");
    assertThat(byName.one("nobody").blockOptional(T)).isEmpty();
    assertThat(statements).as("three keys, three statements").hasValue(3);
    byName.invalidate().block(T);
    byName.one("a").block(T);
    assertThat(statements).as("dropped by its name").hasValue(4);
    cached.update(COUNTRIES).set(COUNTRIES.name, "a2").where(eq(COUNTRIES.name, "a")).execute().block(T);
    assertThat(byName.one("a").blockOptional(T)).as("dropped by the write").isEmpty();
    assertThat(byName.one("a2").map(Country::name).block(T)).isEqualTo("a2");
  }

  /** A city with its country, loaded by relation. */
  public record CityAndCountry(String name, Country country) {}

  @Test
  void aRelationLoadIsCachedStatementByStatementAndDroppedByAWriteToEitherTable() {
    Country a = db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).fetchOne().block(T);
    db.insertInto(CITIES).values(List.of(new City(null, "x", a.id(), null), new City(null, "y", a.id(), null)))
        .execute().block(T);
    java.util.function.Supplier<List<String>> load = () -> cached.selectFrom(CITIES).orderBy(CITIES.name)
        .with(CITIES.country).cached(Duration.ofMinutes(1)).fetch(CityAndCountry.class)
        .map(c -> c.name() + "/" + c.country().name()).collectList().block(T);
    assertThat(load.get()).containsExactly("x/a", "y/a");
    assertThat(statements).as("the cities, then their countries").hasValue(2);
    assertThat(load.get()).containsExactly("x/a", "y/a");
    assertThat(statements).as("both statements were hits").hasValue(2);
    cached.update(COUNTRIES).set(COUNTRIES.name, "a2").where(eq(COUNTRIES.id, a.id())).execute().block(T);
    assertThat(load.get()).as("a write to the related table drops its statement").containsExactly("x/a2", "y/a2");
    assertThat(statements).as("the cities were still cached; the countries read again").hasValue(4);
    cached.deleteFrom(CITIES).where(eq(CITIES.name, "y")).execute().block(T);
    assertThat(load.get()).containsExactly("x/a2");
    assertThatThrownBy(() -> db.selectFrom(CITIES).with(CITIES.country).cached().fetch(CityAndCountry.class)
        .collectList().block(T)).as("a database without a cache refuses cached loads")
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("no query cache");
  }

  @Test
  void aRawWriteThatDeclaresItsTablesDropsOnlyTheirEntries() {
    Country a = db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).fetchOne().block(T);
    db.insertInto(CITIES).values(new City(null, "x", a.id(), null)).execute().block(T);
    statements.set(0);
    java.util.function.Supplier<List<String>> cities = () -> cached.selectFrom(CITIES).cached(Duration.ofMinutes(1))
        .list().map(l -> l.stream().map(City::name).toList()).block(T);
    assertThat(names()).containsExactly("a", "b");
    assertThat(cities.get()).containsExactly("x");
    cached.sql("UPDATE {0} SET name = {1} WHERE name = {2}", COUNTRIES, "c", "b").writes(COUNTRIES).execute().block(T);
    assertThat(statements).hasValue(3);
    assertThat(cities.get()).as("cities were not declared: still cached").containsExactly("x");
    assertThat(statements).hasValue(3);
    assertThat(names()).as("countries were declared: dropped").containsExactly("a", "c");
    assertThat(statements).hasValue(4);
    cached.sql("UPDATE {0} SET name = {1} WHERE name = {2}", CITIES, "y", "x").execute().block(T);
    assertThat(cities.get()).as("an undeclared raw write drops everything").containsExactly("y");
    assertThat(names()).containsExactly("a", "c");
    assertThat(statements).hasValue(7);
  }
}
