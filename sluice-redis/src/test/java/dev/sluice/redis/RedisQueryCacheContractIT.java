package dev.sluice.redis;

import dev.sluice.cache.QueryCache;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.QueryCacheContract;
import dev.sluice.contract.RunDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The query cache contract (hits, invalidation on commit and not on rollback, TTL, tags, a stampede
 * of 100 misses running one query, errors never cached, exact values) with the rows kept in the
 * local Redis, on PostgreSQL and on SQLite. Each test gets a cache of its own name under this run's
 * prefix; the keys are removed afterwards.
 */
class RedisQueryCacheContractIT {
  private static final RedisStore REDIS = RedisTestSupport.store(RedisQueryCacheContractIT.class);
  private static final AtomicInteger CACHES = new AtomicInteger();

  static QueryCache newRedisCache() {
    return RedisQueryCache.over(REDIS, "c" + CACHES.incrementAndGet());
  }

  @AfterAll
  static void cleanUp() {
    RedisTestSupport.cleanUp(RedisQueryCacheContractIT.class);
    REDIS.close().block(java.time.Duration.ofSeconds(10));
  }

  @Nested
  class OnPostgres extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return Postgres.INSTANCE; }

    @Override protected QueryCache newCache() { return newRedisCache(); }
  }

  @Nested
  class OnSqlite extends QueryCacheContract {
    @Override protected DatabaseTarget target() { return Sqlite.INSTANCE; }

    @Override protected QueryCache newCache() { return newRedisCache(); }
  }

  /** The local PostgreSQL, in a database of this run's own, dropped when the JVM exits. */
  static final class Postgres implements DatabaseTarget {
    static final Postgres INSTANCE = new Postgres();
    static final String ADMIN = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
    static final String DATABASE = RunDatabases.name("sluice_redis_cache");
    private static volatile boolean created;

    @Override public String name() { return "postgresql"; }

    @Override public ConnectionFactory connectionFactory() {
      return ConnectionFactories.get("r2dbc:postgresql://postgres@127.0.0.1:5432/" + DATABASE);
    }

    @Override public synchronized void requireReachable() {
      DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", 5432);
      if (!created) {
        RunDatabases.recreate(ADMIN, DATABASE, " WITH (FORCE)");
        RunDatabases.dropOnExit(ADMIN, DATABASE, " WITH (FORCE)");
        created = true;
      }
    }
  }

  /** A fresh SQLite file under target/. */
  static final class Sqlite implements DatabaseTarget {
    static final Sqlite INSTANCE = new Sqlite();

    @Override public String name() { return "sqlite"; }

    @Override public ConnectionFactory connectionFactory() {
      try {
        Path base = Files.createDirectories(Path.of("target/sqlite-it"));
        Path dir = Files.createTempDirectory(base.toAbsolutePath(), "cache-");
        return ConnectionFactories.get("r2dbc:sqlite:///" + dir.resolve("cache.db").toAbsolutePath());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override public void requireReachable() { }
  }
}
