package dev.sluice.redis;

import dev.sluice.cache.CachedRows;
import dev.sluice.cache.QueryCache;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * A {@link QueryCache} that keeps cached rows in Redis, shared by every instance of a service:
 * one instance's read fills it for all, and a write through any of them drops what it made stale
 * for all. Rows are stored in Sluice's exact cache format ({@link CachedRows#toBytes()}), so a read
 * from Redis maps to the same records, with the same values, as a read from the database.
 *
 * <p>Layout, under the store's prefix and {@code sluice-cache:<name>:}:
 * {@code e:<generation>:<sha-256 of the key>} holds an entry (with its full key, checked on every
 * read) and expires with its time to live; {@code t:<generation>:<table>} and
 * {@code g:<generation>:<tag>} are sets of the entries that read a table or carry a tag, so that an
 * invalidation deletes exactly those entries (no {@code KEYS} or {@code SCAN}); {@code gen} is the
 * generation: {@link #invalidateAll()} increments it, and the entries of older generations are
 * never read again and expire with their time to live. Each operation is one Lua script, so an
 * entry and its index entries are written together.
 *
 * <p>Redis's {@code maxmemory} and eviction policy bound its size; an entry evicted by Redis is a
 * miss. A Redis that cannot be reached makes reads go to the database (the {@code Database} logs
 * the failure) and leaves results uncached; it never fails a read.
 *
 * <pre>{@code
 * RedisStore redis = RedisStore.connect("redis://cache:6379");
 * Database db = Database.builder().url(url).cache(RedisQueryCache.over(redis, "orders-db")).build();
 * }</pre>
 */
public final class RedisQueryCache implements QueryCache {
  private static final RedisKey<Long> GEN = RedisKey.of("sluice-cache:", ValueCodec.longs());

  private static final RedisScript<byte[]> GET = RedisScript.returning("""
      local g = redis.call('GET', KEYS[1]) or '0'
      return redis.call('GET', string.sub(KEYS[1], 1, -4) .. 'e:' .. g .. ':' .. ARGV[1])""", ValueCodec.bytes());

  private static final RedisScript<Long> PUT = RedisScript.returningLong("""
      local base = string.sub(KEYS[1], 1, -4)
      local g = redis.call('GET', KEYS[1]) or '0'
      local ttl = tonumber(ARGV[3])
      redis.call('SET', base .. 'e:' .. g .. ':' .. ARGV[1], ARGV[2], 'PX', ttl)
      local tables = tonumber(ARGV[4])
      for i = 5, #ARGV do
        local kind = 'g:'
        if i < 5 + tables then kind = 't:' end
        local index = base .. kind .. g .. ':' .. ARGV[i]
        redis.call('SADD', index, ARGV[1])
        if redis.call('PTTL', index) < ttl then redis.call('PEXPIRE', index, ttl) end
      end
      return 1""");

  private static final RedisScript<Long> DROP = RedisScript.returningLong("""
      local base = string.sub(KEYS[1], 1, -4)
      local g = redis.call('GET', KEYS[1]) or '0'
      local dropped = 0
      for i = 2, #ARGV do
        local index = base .. ARGV[1] .. g .. ':' .. ARGV[i]
        for _, id in ipairs(redis.call('SMEMBERS', index)) do
          dropped = dropped + redis.call('DEL', base .. 'e:' .. g .. ':' .. id)
        end
        redis.call('DEL', index)
      end
      return dropped""");

  private static final RedisScript<Long> NEXT_GENERATION = RedisScript.returningLong(
      "return redis.call('INCR', KEYS[1])");

  private final RedisStore redis;
  private final String name;
  private final Duration defaultTtl;

  private RedisQueryCache(RedisStore redis, String name, Duration defaultTtl) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.name = Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains(":")) {
      throw new IllegalArgumentException("A Redis query cache name must be non-empty and have no ':', was '" + name + "'");
    }
    Objects.requireNonNull(defaultTtl, "defaultTtl");
    if (defaultTtl.isNegative() || defaultTtl.isZero()) {
      throw new IllegalArgumentException("defaultTtl must be positive, was " + defaultTtl);
    }
    this.defaultTtl = defaultTtl;
  }

  /** A cache named {@code name} (one per database; the instances of a service share it), entries living 5 minutes by default. */
  public static RedisQueryCache over(RedisStore redis, String name) {
    return new RedisQueryCache(redis, name, Duration.ofMinutes(5));
  }

  /** A cache whose entries cached without a time to live of their own live {@code defaultTtl}. */
  public static RedisQueryCache over(RedisStore redis, String name, Duration defaultTtl) {
    return new RedisQueryCache(redis, name, defaultTtl);
  }

  @Override public Mono<CachedRows> get(String key) {
    return redis.script(GET).key(GEN, name + ":gen").arg(id(key)).run().map(stored -> unwrap(key, stored));
  }

  @Override public Mono<Void> put(String key, CachedRows rows, Set<String> tables, Set<String> tags, Duration ttl) {
    return Mono.defer(() -> {
      long millis = Math.max(1, (ttl == null ? defaultTtl : ttl).toMillis());
      ScriptCall<Long> call = redis.script(PUT).key(GEN, name + ":gen").arg(id(key))
          .arg(ValueCodec.bytes(), wrap(key, rows.toBytes())).arg(millis).arg(tables.size());
      for (String t : tables) {
        call = call.arg(t);
      }
      for (String t : tags) {
        call = call.arg(t);
      }
      return call.run().then();
    });
  }

  @Override public Mono<Void> invalidateTables(Set<String> tables) {
    return drop("t:", tables);
  }

  @Override public Mono<Void> invalidateTags(Set<String> tags) {
    return drop("g:", tags);
  }

  @Override public Mono<Void> invalidateAll() {
    return redis.script(NEXT_GENERATION).key(GEN, name + ":gen").run().then();
  }

  private Mono<Void> drop(String kind, Set<String> names) {
    if (names.isEmpty()) {
      return Mono.empty();
    }
    return Mono.defer(() -> {
      ScriptCall<Long> call = redis.script(DROP).key(GEN, name + ":gen").arg(kind);
      for (String n : names) {
        call = call.arg(n);
      }
      return call.run().then();
    });
  }

  /** The entry's id: a digest of its key (which holds SQL and bound values, and may be long). */
  private static String id(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(units(key)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Every UTF-16 unit of {@code key}: unlike UTF-8, it keeps an unpaired surrogate, so two keys never meet. */
  private static byte[] units(String key) {
    ByteBuffer b = ByteBuffer.allocate(key.length() * 2);
    b.asCharBuffer().put(key);
    return b.array();
  }

  /** The stored value: the key (so that a read can check it is the entry it asked for), then the rows. */
  private static byte[] wrap(String key, byte[] rows) {
    byte[] k = units(key);
    return ByteBuffer.allocate(4 + k.length + rows.length).putInt(k.length).put(k).put(rows).array();
  }

  private static CachedRows unwrap(String key, byte[] stored) {
    ByteBuffer b = ByteBuffer.wrap(stored);
    int n = b.remaining() >= 4 ? b.getInt() : -1;
    byte[] want = units(key);
    if (n != want.length || b.remaining() < n || !Arrays.equals(stored, 4, 4 + n, want, 0, n)) {
      throw new dev.sluice.error.MappingException("The Redis query cache entry for a key holds another key's rows");
    }
    return CachedRows.fromBytes(Arrays.copyOfRange(stored, 4 + n, stored.length));
  }
}
