package dev.sluice.mongo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An index declared on a {@link Collection}; {@link MongoStore#createIndexes} creates them all.
 * Immutable: each modifier returns a new index.
 *
 * <pre>{@code
 * public final Index byEmail   = index(Index.on("users_email", asc(email)).unique());
 * public final Index byCityAge = index(Index.on("users_city_age", asc(city), desc(age)));
 * public final Index expiry    = index(Index.on("sessions_ttl", asc(createdAt)).ttl(Duration.ofHours(1)));
 * public final Index active    = index(Index.on("users_active_email", asc(email)).unique().partial(eq(active, true)));
 * }</pre>
 *
 * @param name the index name (named in a {@link dev.sluice.error.UniqueViolationException})
 * @param keys the keys in order (more than one: a compound index)
 * @param isUnique whether two documents may not share the keys
 * @param expireAfter documents expire this long after the date in the single key, or null
 * @param partialFilter only documents matching this filter are indexed, or null
 */
public record Index(String name, List<Sort> keys, boolean isUnique, Duration expireAfter, Filter partialFilter) {
  public Index {
    Objects.requireNonNull(name, "name");
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no keys");
    }
    if (expireAfter != null && keys.size() != 1) {
      throw new IllegalArgumentException("TTL index " + name + " must have exactly one key (a date field)");
    }
  }

  /** An index on these keys. */
  public static Index on(String name, Sort... keys) {
    return new Index(name, List.of(keys), false, null, null);
  }

  /** No two documents may share the keys. */
  public Index unique() { return new Index(name, keys, true, expireAfter, partialFilter); }

  /** A TTL index: documents expire this long after the date in the (single) key. */
  public Index ttl(Duration after) { return new Index(name, keys, isUnique, after, partialFilter); }

  /** A partial index: only documents matching {@code filter} are indexed (and checked for uniqueness). */
  public Index partial(Filter filter) { return new Index(name, keys, isUnique, expireAfter, filter); }
}
