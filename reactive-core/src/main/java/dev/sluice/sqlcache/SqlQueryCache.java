package dev.sluice.sqlcache;

import static dev.sluice.query.Dsl.and;
import static dev.sluice.query.Dsl.eq;
import static dev.sluice.query.Dsl.gt;
import static dev.sluice.query.Dsl.in;
import static dev.sluice.query.Dsl.lt;

import dev.sluice.Database;
import dev.sluice.cache.CachedRows;
import dev.sluice.cache.QueryCache;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * A {@link dev.sluice.cache.QueryCache} that keeps cached rows in two tables of a SQL database
 * (usually the application's own): for several instances of a service that should share cached
 * reads and their invalidation but have no Redis. Rows are stored in Sluice's exact cache format
 * ({@link CachedRows#toBytes()}) with their full key (checked on every read), and an index table
 * maps each read table and tag to its entries, so an invalidation deletes exactly those.
 *
 * <p>The store works through a {@code Database} of its own, without a cache, over the connection
 * factory it is given (so its own writes never invalidate anything). Each put and each
 * invalidation is one transaction. Expired entries are never returned; {@link #purgeExpired()}
 * deletes them (schedule it, e.g. every few minutes). A read that fails (the database unreachable)
 * is a miss for the {@code Database} using the cache, and a failed put leaves the result uncached.
 *
 * <pre>{@code
 * SqlQueryCache cache = SqlQueryCache.over(pool);           // tables sluice_query_cache(_index)
 * cache.createTables().block();
 * Database db = Database.builder().connectionFactory(pool).cache(cache).build();
 * }</pre>
 */
public final class SqlQueryCache implements QueryCache {
  private final Database store;
  private final CacheEntries entries;
  private final CacheIndex index;
  private final Duration defaultTtl;
  private final Clock clock;

  private SqlQueryCache(Database store, String table, Duration defaultTtl, Clock clock) {
    this.store = store;
    this.entries = new CacheEntries(table);
    this.index = new CacheIndex(table + "_index");
    this.defaultTtl = defaultTtl;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A cache in tables {@code sluice_query_cache} and {@code sluice_query_cache_index}, entries living 5 minutes by default. */
  public static SqlQueryCache over(ConnectionFactory factory) {
    return over(factory, "sluice_query_cache", Duration.ofMinutes(5), Clock.systemUTC());
  }

  /**
   * A cache in tables {@code table} and {@code table_index} reached through {@code factory} (a pool
   * is best), whose entries cached without a time to live of their own live {@code defaultTtl}, timed
   * by {@code clock}.
   */
  public static SqlQueryCache over(ConnectionFactory factory, String table, Duration defaultTtl, Clock clock) {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(defaultTtl, "defaultTtl");
    // checked before anything is built
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
      throw new IllegalArgumentException("A SQL query cache table name must be a plain identifier of at most 41 "
          + "characters, was '" + table + "'");
    }
    if (defaultTtl.isNegative() || defaultTtl.isZero()) {
      throw new IllegalArgumentException("defaultTtl must be positive, was " + defaultTtl);
    }
    return new SqlQueryCache(Database.builder().connectionFactory(factory).pooled(false).build(), table, defaultTtl, clock);
  }

  /** Creates the two tables if they do not exist. */
  public Mono<Void> createTables() {
    return store.createTables(entries, index);
  }

  /** Drops the two tables if they exist. */
  public Mono<Void> dropTables() {
    return store.dropTables(entries, index);
  }

  @Override public Mono<CachedRows> get(String key) {
    return store.selectFrom(entries).where(and(eq(entries.id, id(key)), gt(entries.expiresAt, clock.millis())))
        .fetchFirst()
        .flatMap(e -> key.equals(e.cacheKey()) ? Mono.just(CachedRows.fromBytes(e.rowsData())) : Mono.empty());
  }

  @Override public Mono<Void> put(String key, CachedRows rows, Set<String> tables, Set<String> tags, Duration ttl) {
    return Mono.defer(() -> {
      String id = id(key);
      long expires = clock.millis() + Math.max(1, (ttl == null ? defaultTtl : ttl).toMillis());
      CacheEntries.Entry entry = new CacheEntries.Entry(id, key, rows.toBytes(), expires);
      List<CacheIndex.Link> links = new ArrayList<>();
      tables.forEach(t -> links.add(new CacheIndex.Link("t", t, id, expires)));
      tags.forEach(t -> links.add(new CacheIndex.Link("g", t, id, expires)));
      return store.inTransaction(tx -> tx.deleteFrom(entries).where(eq(entries.id, id)).execute()
          .then(tx.deleteFrom(index).where(eq(index.id, id)).execute())
          .then(tx.insertInto(entries).values(entry).execute())
          .then(links.isEmpty() ? Mono.empty() : tx.insertInto(index).values(links).execute())).then();
    });
  }

  @Override public Mono<Void> invalidateTables(Set<String> tables) {
    return drop("t", tables);
  }

  @Override public Mono<Void> invalidateTags(Set<String> tags) {
    return drop("g", tags);
  }

  @Override public Mono<Void> invalidateAll() {
    return store.inTransaction(tx -> tx.deleteFrom(index).all().execute().then(tx.deleteFrom(entries).all().execute()))
        .then();
  }

  /** Deletes the expired entries and their index rows; how many entries. */
  public Mono<Long> purgeExpired() {
    return Mono.defer(() -> {
      long now = clock.millis();
      return store.inTransaction(tx -> tx.deleteFrom(index).where(lt(index.expiresAt, now + 1)).execute()
          .then(tx.deleteFrom(entries).where(lt(entries.expiresAt, now + 1)).execute())).next();
    });
  }

  private Mono<Void> drop(String kind, Set<String> names) {
    if (names.isEmpty()) {
      return Mono.empty();
    }
    List<String> all = List.copyOf(names);
    // the links of other names to the deleted entries stay until those entries are stored again
    // (a put deletes its entry's links first) or expire
    return store.inTransaction(tx -> tx.deleteFrom(entries)
            .where(in(entries.id, tx.select(index.id).from(index).where(and(eq(index.kind, kind), in(index.name, all)))))
            .execute()
            .then(tx.deleteFrom(index).where(and(eq(index.kind, kind), in(index.name, all))).execute()))
        .then();
  }

  /** The entry's id: a SHA-256 digest of every UTF-16 unit of its key. */
  private static String id(String key) {
    ByteBuffer units = ByteBuffer.allocate(key.length() * 2);
    units.asCharBuffer().put(key);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(units.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
