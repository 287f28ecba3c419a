package dev.sluice.contract;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static dev.sluice.testing.Schema.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.cache.InMemoryQueryCache;
import dev.sluice.error.IllegalUseException;
import dev.sluice.testing.Country;
import java.time.Duration;
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
  private InMemoryQueryCache cache;
  private Database cached;

  @BeforeEach
  void cachedDatabase() {
    cache = InMemoryQueryCache.builder().build();
    cached = Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements)).pooled(false)
        .cache(cache).build();
    db.insertInto(COUNTRIES).values(List.of(new Country(null, "a"), new Country(null, "b"))).execute().block(T);
    statements.set(0);
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
    assertThat(cache.size()).isZero();
    assertThatThrownBy(() -> db.selectFrom(COUNTRIES).cached().list().block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("no query cache");
    assertThatThrownBy(() -> db.invalidate(COUNTRIES).block(T))
        .isInstanceOf(IllegalUseException.class).hasMessageContaining("no query cache");
  }
}
