package dev.sluice.mongo;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import dev.sluice.error.IllegalUseException;
import dev.sluice.mongo.internal.Values;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import reactor.core.publisher.Mono;

/**
 * An immutable update with typed operators; each call returns a new {@code Update}.
 *
 * <pre>{@code
 * users.update(eq(USERS.name, "Dan")).set(USERS.email, "dan@x").inc(USERS.age, 1).push(USERS.tags, "vip").one();
 * // updateOne {"name": "Dan"} {"$set": {"email": "dan@x"}, "$inc": {"age": 1}, "$push": {"tags": "vip"}}
 * }</pre>
 *
 * @param <R> the collection's record
 */
public final class Update<R> {
  private record Op(String operator, String path, BsonValue value) {}

  private final TypedCollection<R> from;
  private final Filter filter;
  private final List<Op> ops;
  private final boolean upsert;

  Update(TypedCollection<R> from, Filter filter, List<Op> ops, boolean upsert) {
    this.from = from;
    this.filter = filter;
    this.ops = List.copyOf(ops);
    this.upsert = upsert;
  }

  static <R> Update<R> of(TypedCollection<R> from, Filter filter) {
    return new Update<>(from, filter, List.of(), false);
  }

  public <T> Update<R> set(Field<T> field, T value) {
    return with("$set", field.path(), Values.toBson(field.type(), value, field.path()));
  }

  public <N extends Number> Update<R> inc(Field<N> field, N by) {
    return with("$inc", field.path(), Values.toBson(field.type(), by, field.path()));
  }

  /** Appends an element to an array. */
  public <E> Update<R> push(ArrayField<E> field, E element) {
    return with("$push", field.path(), Values.toBson(field.element(), element, field.path()));
  }

  /** Removes every element equal to this one from an array. */
  public <E> Update<R> pull(ArrayField<E> field, E element) {
    return with("$pull", field.path(), Values.toBson(field.element(), element, field.path()));
  }

  /** Removes the field from the document. */
  public Update<R> unset(Field<?> field) {
    return with("$unset", field.path(), new BsonString(""));
  }

  /** Inserts a document (from the filter's equalities and the updates) when none matches. */
  public Update<R> upsert() {
    return new Update<>(from, filter, ops, true);
  }

  /** Whether a document is inserted when none matches. */
  boolean isUpsert() { return upsert; }

  /** The BSON filter of the documents to update. */
  BsonDocument filterBson() { return filter.toBson(); }

  /** The BSON update document. */
  public BsonDocument updateBson() {
    if (ops.isEmpty()) {
      throw new IllegalUseException("an update of " + from.describe() + " without set/inc/push/pull/unset");
    }
    BsonDocument update = new BsonDocument();
    for (Op op : ops) {
      BsonDocument part = update.containsKey(op.operator()) ? update.getDocument(op.operator()) : new BsonDocument();
      part.append(op.path(), op.value() instanceof BsonDocument d ? d.clone() : op.value());
      update.put(op.operator(), part);
    }
    return update;
  }

  /** Updates the first matching document. */
  public Mono<UpdateReport> one() {
    return Mono.defer(() -> {
      BsonDocument u = updateBson();
      UpdateOptions o = new UpdateOptions().upsert(upsert);
      return from.sessions().mono(from.name(), "updateOne",
          s -> from.raw().updateOne(s, filter.toBson(), u, o), () -> from.raw().updateOne(filter.toBson(), u, o));
    }).map(Update::report);
  }

  /** Updates every matching document. */
  public Mono<UpdateReport> many() {
    return Mono.defer(() -> {
      BsonDocument u = updateBson();
      UpdateOptions o = new UpdateOptions().upsert(upsert);
      return from.sessions().mono(from.name(), "updateMany",
          s -> from.raw().updateMany(s, filter.toBson(), u, o), () -> from.raw().updateMany(filter.toBson(), u, o));
    }).map(Update::report);
  }

  /** Updates the first matching document (in {@code sort} order) and returns it as it is after the update. */
  public Mono<R> andGet(Sort... sort) {
    return findOneAndUpdate(ReturnDocument.AFTER, sort);
  }

  /** Updates the first matching document and returns it as it was before, empty if none matched. */
  public Mono<R> andGetBefore(Sort... sort) {
    return findOneAndUpdate(ReturnDocument.BEFORE, sort);
  }

  private Mono<R> findOneAndUpdate(ReturnDocument which, Sort... sort) {
    return Mono.defer(() -> {
      BsonDocument u = updateBson();
      FindOneAndUpdateOptions o = new FindOneAndUpdateOptions().upsert(upsert).returnDocument(which);
      if (sort.length > 0) {
        BsonDocument s = new BsonDocument();
        for (Sort k : sort) {
          s.append(k.path(), new org.bson.BsonInt32(k.direction()));
        }
        o.sort(s);
      }
      return from.sessions().mono(from.name(), "findOneAndUpdate",
          s -> from.typed().findOneAndUpdate(s, filter.toBson(), u, o),
          () -> from.typed().findOneAndUpdate(filter.toBson(), u, o));
    });
  }

  private Update<R> with(String operator, String path, BsonValue value) {
    List<Op> next = new ArrayList<>(ops);
    next.add(new Op(operator, path, value));
    return new Update<>(from, filter, next, upsert);
  }

  static UpdateReport report(UpdateResult r) {
    return new UpdateReport(r.getMatchedCount(), r.wasAcknowledged() ? r.getModifiedCount() : 0,
        r.getUpsertedId() != null);
  }
}
