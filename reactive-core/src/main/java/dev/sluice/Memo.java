package dev.sluice;

import dev.sluice.observe.QueryName;
import dev.sluice.query.SelectBase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A named, memoised read: {@code db.memo("userById", ttl, id -> db.selectFrom(USERS).where(eq(USERS.id, id)))}
 * gives a function from a key to the query's rows, kept in the {@code Database}'s query cache (any
 * adapter: in memory, Redis, a SQL table) for {@code ttl}. The cache key is the rendered query with
 * its bound values, so two keys never share an entry; the entries carry the tag {@code memo:<name>},
 * so {@link #invalidate()} drops them all, and, like every cached read, a write through the
 * database to a table the query reads drops them by itself. The statements are named {@code name}
 * for observers ({@link QueryName}). Inside a transaction the cache is bypassed. Immutable.
 *
 * <pre>{@code
 * Memo<Long, User> userById = db.memo("userById", Duration.ofMinutes(5), id -> db.selectFrom(USERS).where(eq(USERS.id, id)));
 * Mono<User> user = userById.one(42L);
 * }</pre>
 *
 * @param <K> the key type
 * @param <T> the row type
 */
public final class Memo<K, T> {
  private final Database db;
  private final String name;
  private final Duration ttl;
  private final Function<? super K, ? extends SelectBase<T, ?>> query;

  Memo(Database db, String name, Duration ttl, Function<? super K, ? extends SelectBase<T, ?>> query) {
    this.db = db;
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A memo needs a name");
    }
    this.name = name;
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.query = Objects.requireNonNull(query, "query");
  }

  /** The name given. */
  public String name() {
    return name;
  }

  /** The rows for {@code key}: from the cache, or read and kept. */
  public Mono<List<T>> list(K key) {
    return Mono.defer(() -> {
      SelectBase<T, ?> q = Objects.requireNonNull(query.apply(key), () -> "memo " + name + " made no query");
      return q.cached(ttl, tag()).list();
    }).contextWrite(QueryName.of(name));
  }

  /** The only row for {@code key}, or empty; fails with {@code TooManyRowsException} when there are more. */
  public Mono<T> one(K key) {
    return Mono.defer(() -> {
      SelectBase<T, ?> q = Objects.requireNonNull(query.apply(key), () -> "memo " + name + " made no query");
      return q.cached(ttl, tag()).fetchOne();
    }).contextWrite(QueryName.of(name));
  }

  /** Drops every entry of this memo, whatever its key. */
  public Mono<Void> invalidate() {
    return db.invalidateTags(tag());
  }

  private String tag() {
    return "memo:" + name;
  }
}
