package dev.sluice.mongo;

import dev.sluice.mongo.internal.RecordCodec;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;

/**
 * An immutable aggregation pipeline built from typed stages; each stage returns a new pipeline.
 * {@link #fetch(Class)} streams the output, read into a record whose components are named like the
 * output fields ({@code id} for a group's {@code _id}).
 *
 * <pre>{@code
 * record CityTotal(String id, long users, double avgAge) {}
 * users.aggregate().match(gte(USERS.age, 18))
 *     .group(USERS.city, count("users"), avg("avgAge", USERS.age))
 *     .sort(MongoDsl.desc("users")).fetch(CityTotal.class);
 * // [{"$match": {"age": {"$gte": 18}}},
 * //  {"$group": {"_id": "$city", "users": {"$sum": 1}, "avgAge": {"$avg": "$age"}}},
 * //  {"$sort": {"users": -1}}]
 * }</pre>
 */
public final class Pipeline {
  private final TypedCollection<?> from;
  private final List<BsonDocument> stages;
  private final int batchSize;

  Pipeline(TypedCollection<?> from, List<BsonDocument> stages) {
    this(from, stages, 0);
  }

  private Pipeline(TypedCollection<?> from, List<BsonDocument> stages, int batchSize) {
    this.from = from;
    this.stages = List.copyOf(stages);
    this.batchSize = batchSize;
  }

  /** Documents per batch of the output cursor (by default the server's first batch, then the driver's). */
  public Pipeline batchSize(int n) { return new Pipeline(from, stages, n); }

  /** {@code $match}. */
  public Pipeline match(Filter filter) { return with("$match", filter.toBson()); }

  /** {@code $sort}; a key may name an output field: {@code new Sort("users", false)}. */
  public Pipeline sort(Sort... keys) {
    BsonDocument sort = new BsonDocument();
    for (Sort s : keys) {
      sort.append(s.path(), new BsonInt32(s.direction()));
    }
    return with("$sort", sort);
  }

  public Pipeline skip(int n) { return with("$skip", new BsonInt32(n)); }

  public Pipeline limit(int n) { return with("$limit", new BsonInt32(n)); }

  /** {@code $project} keeping these fields (and {@code _id}). */
  public Pipeline project(Field<?>... keep) {
    BsonDocument p = new BsonDocument();
    for (Field<?> f : keep) {
      p.append(f.path(), new BsonInt32(1));
    }
    return with("$project", p);
  }

  /** {@code $project} with renamed fields: each output name gets a field's value. */
  public Pipeline projectAs(Rename... renames) {
    BsonDocument p = new BsonDocument();
    for (Rename r : renames) {
      p.append(r.as(), new BsonString("$" + r.field().path()));
    }
    return with("$project", p);
  }

  /** An output field of {@link #projectAs}: {@code Rename.of("city", USERS.address.at(a -> a.city))}. */
  public record Rename(String as, Field<?> field) {
    public static Rename of(String as, Field<?> field) { return new Rename(as, field); }
  }

  /** {@code $group} by a field ({@code null}: one group of all documents). */
  public Pipeline group(Field<?> key, Accumulator... accumulators) {
    BsonDocument g = new BsonDocument("_id", key == null ? BsonNull.VALUE : new BsonString("$" + key.path()));
    for (Accumulator a : accumulators) {
      g.append(a.name(), a.toBson());
    }
    return with("$group", g);
  }

  /**
   * {@code $lookup}: the documents of {@code other} whose {@code foreignField} equals this
   * document's {@code localField}, as an array under {@code as}.
   */
  public <T> Pipeline lookup(Collection<?> other, Field<T> localField, Field<T> foreignField, String as) {
    return with("$lookup", new BsonDocument("from", new BsonString(other.name()))
        .append("localField", new BsonString(localField.path()))
        .append("foreignField", new BsonString(foreignField.path()))
        .append("as", new BsonString(as)));
  }

  /** {@code $unwind} an array field: one document per element. */
  public Pipeline unwind(Field<?> array) { return unwind(array.path()); }

  /** {@code $unwind} an array by name (an array made by {@link #lookup} or {@link Accumulator#push}). */
  public Pipeline unwind(String path) { return with("$unwind", new BsonString("$" + path)); }

  /** The stages as BSON. */
  public List<BsonDocument> stages() {
    return stages.stream().map(BsonDocument::clone).toList();
  }

  /**
   * Runs the pipeline, streaming its output into {@code record}, whose component types say how each
   * output field is read (the output of a pipeline need not have the collection's shape).
   */
  public <P> Flux<P> fetch(Class<P> record) {
    RecordCodec<P> codec = RecordCodec.projection(record, List.of(), "the output of a pipeline on " + from.describe());
    return Flux.defer(() -> {
      List<Bson> pipeline = new ArrayList<>(stages());
      var c = from.typed(codec);
      return from.sessions().flux(from.name(), "aggregate", s -> sized(c.aggregate(s, pipeline, record)),
          () -> sized(c.aggregate(pipeline, record)));
    });
  }

  private <P> com.mongodb.reactivestreams.client.AggregatePublisher<P> sized(
      com.mongodb.reactivestreams.client.AggregatePublisher<P> p) {
    return batchSize > 0 ? p.batchSize(batchSize) : p;
  }

  private Pipeline with(String stage, org.bson.BsonValue body) {
    List<BsonDocument> next = new ArrayList<>(stages);
    next.add(new BsonDocument(stage, body));
    return new Pipeline(from, next, batchSize);
  }
}
