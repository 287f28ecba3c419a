package dev.sluice.contract;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.cache.QueryCache;
import dev.sluice.sqlcache.SqlQueryCache;
import dev.sluice.testing.Country;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The query cache contract with the rows kept in a table of the database under test
 * ({@link SqlQueryCache}), plus what only a SQL store has: expired rows never read and purged, and
 * a row changed in the table read as a miss, never as wrong rows.
 */
public abstract class SqlQueryCacheContract extends QueryCacheContract {
  private static final Duration T = Duration.ofSeconds(30);
  /** How far the store's clock is ahead of the real one (the contract's TTL test sleeps in real time). */
  private final AtomicLong ahead = new AtomicLong();
  private SqlQueryCache store;

  @Override protected QueryCache newCache() {
    store = SqlQueryCache.over(pool, "sluice_qc", Duration.ofMinutes(5), new TestClock(ahead));
    store.createTables().then(store.invalidateAll()).block(T);
    return store;
  }

  @Test
  void expiredEntriesAreNotReadAndArePurged() {
    AtomicInteger statements = new AtomicInteger();
    Database counted = Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements))
        .pooled(false).cache(newCache()).build();
    counted.selectFrom(COUNTRIES).cached(Duration.ofSeconds(10)).list().block(T);
    counted.selectFrom(COUNTRIES).cached(Duration.ofSeconds(10)).list().block(T);
    assertThat(statements).hasValue(1);
    ahead.addAndGet(Duration.ofSeconds(11).toMillis());
    assertThat(counted.selectFrom(COUNTRIES).cached(Duration.ofSeconds(10)).list().block(T))
        .extracting(Country::name).containsExactlyInAnyOrder("a", "b");
    assertThat(statements).as("expired: read again").hasValue(2);
    ahead.addAndGet(Duration.ofSeconds(11).toMillis());
    assertThat(store.purgeExpired().block(T)).as("the entry, stored again, expired now").isEqualTo(1L);
    assertThat(rowsInStore()).isZero();
  }

  @Test
  void aRowChangedInTheTableIsAMiss() {
    AtomicInteger statements = new AtomicInteger();
    Database counted = Database.builder().connectionFactory(CountingConnectionFactory.wrap(pool, statements))
        .pooled(false).cache(newCache()).build();
    counted.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).cached().list().block(T);
    db.sql("UPDATE sluice_qc SET cache_key = {0}", "another key").execute().block(T);
    assertThat(counted.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "a")).cached().list().block(T))
        .extracting(Country::name).containsExactly("a");
    assertThat(statements).as("the changed row was a miss").hasValue(2);
  }

  private long rowsInStore() {
    return db.sql("SELECT COUNT(*) AS n FROM sluice_qc").fetch().blockFirst(T).get("n", Long.class);
  }

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private final AtomicLong millis;

    TestClock(AtomicLong ahead) { this.millis = ahead; }

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(java.time.ZoneId zone) { return this; }

    @Override public long millis() { return System.currentTimeMillis() + millis.get(); }

    @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }
  }
}
