package dev.sluice.mongo;

import com.mongodb.reactivestreams.client.FindPublisher;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.sluice.error.TooManyRowsException;
import dev.sluice.mongo.internal.RecordCodec;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An immutable find: filter, sort, skip, limit and projection. Every modifier returns a new
 * {@code Find}; the terminals are cold and stream from the server's cursor with backpressure
 * (the driver asks for batches as the subscriber requests), and a cancel closes the cursor.
 *
 * <pre>{@code
 * store.collection(USERS).find(and(gte(USERS.age, 18), like(USERS.name, "Da%")))
 *     .sort(asc(USERS.name)).skip(10).limit(5).into(UserName.class).fetch();
 * // find {"$and": [{"age": {"$gte": 18}}, {"name": /^\QDa\E.*$/s}]} sort {"name": 1} skip 10 limit 5
 * //      projection {"name": 1, "_id": 0}
 * }</pre>
 *
 * @param <P> the record each document is read into
 */
public final class Find<P> {
  private final TypedCollection<?> from;
  private final RecordCodec<P> codec;
  private final MongoCollection<P> collection;
  private final boolean projected;
  private final Filter filter;
  private final List<Sort> sorts;
  private final int skip;
  private final int limit;
  private final int batchSize;

  Find(TypedCollection<?> from, RecordCodec<P> codec, boolean projected, Filter filter, List<Sort> sorts, int skip,
      int limit, int batchSize) {
    this.from = from;
    this.codec = codec;
    this.collection = from.typed(codec);
    this.projected = projected;
    this.filter = filter;
    this.sorts = List.copyOf(sorts);
    this.skip = skip;
    this.limit = limit;
    this.batchSize = batchSize;
  }

  /** Orders by these keys, replacing any earlier order. */
  public Find<P> sort(Sort... keys) {
    return new Find<>(from, codec, projected, filter, List.of(keys), skip, limit, batchSize);
  }

  public Find<P> skip(int n) {
    return new Find<>(from, codec, projected, filter, sorts, n, limit, batchSize);
  }

  public Find<P> limit(int n) {
    return new Find<>(from, codec, projected, filter, sorts, skip, n, batchSize);
  }

  /** Documents per batch the cursor fetches (by default the driver follows the subscriber's demand). */
  public Find<P> batchSize(int n) {
    return new Find<>(from, codec, projected, filter, sorts, skip, limit, n);
  }

  /**
   * Reads only the keys of another record: components named like fields take their types, others
   * (none for a plain projection) are inferred from the Java type.
   */
  public <Q> Find<Q> into(Class<Q> record) {
    return new Find<>(from, RecordCodec.projection(record, from.shape().fields(), from.describe()), true, filter,
        sorts, skip, limit, batchSize);
  }

  /** The BSON filter this find sends. */
  public BsonDocument filterBson() { return filter.toBson(); }

  /** Every matching document, streamed. */
  public Flux<P> fetch() {
    return fetch(limit);
  }

  /**
   * The one matching document, empty if none, {@link TooManyRowsException} if more than one. A
   * filter that is an equality on {@code _id} can match one document at most (the {@code _id} index
   * is unique), so it is read as the driver's {@code first()} does: one batch, no list.
   */
  public Mono<P> fetchOne() {
    if (limit == 0 && skip == 0 && isIdEquality(filter)) {
      return first();
    }
    return fetch(limit == 0 ? 2 : limit).singleOrEmpty()
        .onErrorMap(Find::isSecondElement, e -> new TooManyRowsException("fetchOne found more than one document in "
            + from.describe() + " (the filter's values are not shown)", from.name() + ".find"));
  }

  private static boolean isIdEquality(Filter filter) {
    return filter instanceof Filter.Match m && m.path().equals("_id") && !m.value().isDocument()
        && !m.value().isArray() && !m.value().isRegularExpression() && !m.value().isNull();
  }

  /** What Reactor's {@code singleOrEmpty()} signals when a second element arrives. */
  private static boolean isSecondElement(Throwable e) {
    return e instanceof IndexOutOfBoundsException && String.valueOf(e.getMessage()).contains("more than one");
  }

  /**
   * The first matching document (in the sort order, after the skip), or empty: the driver's
   * {@code first()}, one find with {@code limit 1} and {@code singleBatch}, no cursor left open.
   */
  public Mono<P> fetchFirst() {
    return first();
  }

  private Mono<P> first() {
    MongoCollection<P> c = collection;
    return from.sessions().mono(from.name(), "find",
        s -> configure(c.find(s, filter.toBson()), 0).first(),
        () -> configure(c.find(filter.toBson()), 0).first());
  }

  private Flux<P> fetch(int effectiveLimit) {
    MongoCollection<P> c = collection;
    return from.sessions().flux(from.name(), "find",
        s -> configure(c.find(s, filter.toBson()), effectiveLimit),
        () -> configure(c.find(filter.toBson()), effectiveLimit));
  }

  private FindPublisher<P> configure(FindPublisher<P> p, int effectiveLimit) {
    if (!sorts.isEmpty()) {
      BsonDocument sort = new BsonDocument();
      for (Sort s : sorts) {
        sort.append(s.path(), new BsonInt32(s.direction()));
      }
      p = p.sort(sort);
    }
    if (skip > 0) {
      p = p.skip(skip);
    }
    if (effectiveLimit > 0) {
      p = p.limit(effectiveLimit);
    }
    if (batchSize > 0) {
      p = p.batchSize(batchSize);
    }
    if (projected) {
      BsonDocument projection = new BsonDocument();
      for (String key : codec.keys()) {
        projection.append(key, new BsonInt32(1));
      }
      if (!codec.keys().contains("_id")) {
        projection.append("_id", new BsonInt32(0));
      }
      p = p.projection(projection);
    }
    return p;
  }
}
