package dev.sluice.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.sluice.error.IllegalUseException;
import dev.sluice.error.SluiceException;
import dev.sluice.mongo.internal.RecordCodec;
import dev.sluice.mongo.internal.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.ObjectId;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One declared collection of a {@link MongoStore}: finds, counts, writes and aggregations, each
 * cold and typed by the declaration. Immutable and thread-safe.
 *
 * @param <R> the record a document is read into
 */
public final class TypedCollection<R> {
  private final Collection<R> shape;
  private final MongoDatabase database;
  private final Sessions sessions;
  private final MongoCollection<R> typed;
  private final MongoCollection<BsonDocument> raw;

  TypedCollection(Collection<R> shape, MongoDatabase database, Sessions sessions) {
    this.shape = shape;
    this.database = database;
    this.sessions = sessions;
    this.raw = database.getCollection(shape.name(), BsonDocument.class);
    this.typed = typed(shape.codec());
  }

  /** Every document. */
  public Find<R> find() { return find(MongoDsl.all()); }

  /** The documents matching {@code filter}. */
  public Find<R> find(Filter filter) {
    return new Find<>(this, shape.codec(), false, filter, List.of(), 0, 0, 0);
  }

  /** The number of documents. */
  public Mono<Long> count() { return count(MongoDsl.all()); }

  /** The number of documents matching {@code filter}. */
  public Mono<Long> count(Filter filter) {
    return sessions.mono(name(), "countDocuments", s -> raw.countDocuments(s, filter.toBson()),
        () -> raw.countDocuments(filter.toBson()));
  }

  /**
   * Whether any document matches {@code filter}: one find of at most one id ({@code limit 1},
   * {@code singleBatch}, the driver's {@code first()}), no cursor left open.
   */
  public Mono<Boolean> exists(Filter filter) {
    return sessions.mono(name(), "find", s -> raw.find(s, filter.toBson()).projection(idOnly()).first(),
        () -> raw.find(filter.toBson()).projection(idOnly()).first()).hasElement();
  }

  private static BsonDocument idOnly() {
    return new BsonDocument("_id", new org.bson.BsonInt32(1));
  }

  /** The distinct values of a field among the documents matching {@code filter}. */
  public <T> Flux<T> distinct(Field<T> field, Filter filter) {
    return sessions.flux(name(), "distinct", s -> raw.distinct(s, field.path(), filter.toBson(), BsonValue.class),
            () -> raw.distinct(field.path(), filter.toBson(), BsonValue.class))
        .map(v -> Values.fromBson(field.type(), v));
  }

  /**
   * Inserts one document and emits it as stored: a null {@code ObjectId} or {@code UUID} id is
   * generated here (a record cannot be changed later), any other null id is an error.
   */
  public Mono<R> insert(R document) {
    return Mono.defer(() -> {
      R withId = withId(document);
      return sessions.mono(name(), "insertOne", s -> typed.insertOne(s, withId), () -> typed.insertOne(withId))
          .thenReturn(withId);
    });
  }

  /**
   * Inserts documents in one request; ordered stops at the first failure, unordered tries them all.
   * Failures are reported, not thrown ({@link WriteReport#orThrow()} throws the first).
   */
  public Mono<WriteReport> insertMany(List<R> documents, boolean ordered) {
    if (documents.isEmpty()) {
      return Mono.just(new WriteReport(0, List.of()));
    }
    return Mono.defer(() -> {
      List<R> withIds = documents.stream().map(this::withId).toList();
      InsertManyOptions o = new InsertManyOptions().ordered(ordered);
      return Mono.deferContextual(ctx -> Mono.from(ctx.<com.mongodb.reactivestreams.client.ClientSession>getOrEmpty(
              sessionsKey()).<Publisher<com.mongodb.client.result.InsertManyResult>>map(s -> typed.insertMany(s, withIds, o))
              .orElseGet(() -> typed.insertMany(withIds, o))))
          .map(r -> new WriteReport(r.getInsertedIds().size(), List.of()))
          .onErrorResume(MongoBulkWriteException.class, e -> Mono.just(report(e, withIds.size(), ordered)))
          .onErrorMap(e -> MongoErrors.translate(e, name(), "insertMany"));
    });
  }

  /**
   * Inserts a stream of documents in unordered chunks of {@code chunkSize}, one request per chunk,
   * pulling the next chunk only when the previous one is written; emits the number inserted, or
   * fails with the first chunk's first failure.
   */
  public Mono<Long> insertAll(Publisher<R> documents, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
    }
    return Flux.from(documents).buffer(chunkSize)
        .concatMap(chunk -> insertMany(chunk, false).map(WriteReport::orThrow).map(WriteReport::inserted), 1)
        .reduce(0L, Long::sum);
  }

  /**
   * Sends a stream of inserts, replaces, updates and deletes as bulk writes of {@code chunkSize}
   * writes, one chunk at a time (the next pulled when the last is written). Ordered: each chunk in
   * order, and the first failure stops everything after it; unordered: every write is tried. Emits
   * the summed {@link BulkReport}, failures by their position in the stream
   * ({@link BulkReport#orThrow()} throws the first).
   */
  public Mono<BulkReport> bulkWrite(Publisher<Write<R>> writes, int chunkSize, boolean ordered) {
    return new BulkWrites<>(this).run(writes, chunkSize, ordered);
  }

  /** An update of the documents matching {@code filter}. */
  public Update<R> update(Filter filter) { return Update.of(this, filter); }

  /** Replaces the first document matching {@code filter} by {@code document}. */
  public Mono<UpdateReport> replace(Filter filter, R document) {
    return replace(filter, document, false);
  }

  /** Replaces the document with the record's id, inserting it if absent; emits the record as stored. */
  public Mono<R> upsert(R document) {
    return Mono.defer(() -> {
      R withId = withId(document);
      BsonDocument byId = new BsonDocument("_id", idBson(withId));
      return replace(new Filter.Match("_id", byId.get("_id")), withId, true).thenReturn(withId);
    });
  }

  /** Deletes every document matching {@code filter}; emits how many. */
  public Mono<Long> delete(Filter filter) {
    return sessions.mono(name(), "deleteMany", s -> raw.deleteMany(s, filter.toBson()),
        () -> raw.deleteMany(filter.toBson())).map(r -> r.getDeletedCount());
  }

  /** Deletes the first document matching {@code filter}; emits 0 or 1. */
  public Mono<Long> deleteOne(Filter filter) {
    return sessions.mono(name(), "deleteOne", s -> raw.deleteOne(s, filter.toBson()),
        () -> raw.deleteOne(filter.toBson())).map(r -> r.getDeletedCount());
  }

  /**
   * The changes to this collection from now on, as a stream that ends only when cancelled (which
   * closes the server's change stream cursor). Needs a replica set or a sharded cluster; inside
   * {@link MongoStore#inTransaction} it is not allowed by MongoDB.
   */
  public Flux<Change<R>> watch() {
    return sessions.flux(name(), "watch",
            s -> typed.watch(s, shape.recordType()).fullDocument(com.mongodb.client.model.changestream.FullDocument.UPDATE_LOOKUP),
            () -> typed.watch(shape.recordType()).fullDocument(com.mongodb.client.model.changestream.FullDocument.UPDATE_LOOKUP))
        .map(e -> new Change<>(e.getOperationTypeString(), e.getFullDocument(),
            e.getDocumentKey() == null ? null : idOf(e.getDocumentKey().get("_id"))));
  }

  private Object idOf(BsonValue id) {
    Field<Object> f = shape.idField();
    return f == null || id == null ? id : Values.fromBson(f.type(), id);
  }

  /** An aggregation pipeline over this collection. */
  public Pipeline aggregate() { return new Pipeline(this, List.of()); }

  private Mono<UpdateReport> replace(Filter filter, R document, boolean upsert) {
    ReplaceOptions o = new ReplaceOptions().upsert(upsert);
    return sessions.mono(name(), upsert ? "upsert" : "replaceOne",
        s -> typed.replaceOne(s, filter.toBson(), document, o),
        () -> typed.replaceOne(filter.toBson(), document, o)).map(Update::report);
  }

  /**
   * Each insert either succeeds or has a write error, so the count is derived from the errors (an
   * ordered insert wrote exactly the documents before its first failure) rather than from the
   * server's {@code n}, which not every server reports per document.
   */
  private WriteReport report(MongoBulkWriteException e, int size, boolean ordered) {
    List<WriteFailure> failures = new ArrayList<>();
    for (BulkWriteError error : e.getWriteErrors()) {
      MongoBulkWriteException one = new MongoBulkWriteException(e.getWriteResult(), List.of(error),
          e.getWriteConcernError(), e.getServerAddress(), e.getErrorLabels());
      failures.add(new WriteFailure(error.getIndex(), (SluiceException) MongoErrors.translate(one, name(), "insertMany")));
    }
    long inserted = ordered ? failures.get(0).index() : size - failures.size();
    return new WriteReport(inserted, failures);
  }

  private BsonValue idBson(R document) {
    Field<Object> id = shape.idField();
    if (id == null) {
      throw new IllegalUseException(describe() + " declares no id field");
    }
    return Values.toBson(id.type(), shape.codec().get(document, "_id"), "_id");
  }

  R withId(R document) {
    Field<Object> id = shape.idField();
    if (id == null || shape.codec().get(document, "_id") != null) {
      return document;
    }
    Class<?> type = id.type().javaType();
    if (type == ObjectId.class) {
      return shape.codec().with(document, "_id", new ObjectId());
    }
    if (type == UUID.class) {
      return shape.codec().with(document, "_id", UUID.randomUUID());
    }
    throw new IllegalUseException("a " + shape.recordType().getSimpleName() + " without an id cannot be written to "
        + describe() + ": only ObjectId and UUID ids are generated");
  }

  Object sessionsKey() { return sessions.key(); }

  Sessions sessions() { return sessions; }

  MongoCollection<BsonDocument> raw() { return raw; }

  MongoCollection<R> typed() { return typed; }

  /** The driver collection reading {@code codec}'s record: the collection's own is made once, a projection's once per find. */
  @SuppressWarnings("unchecked")
  <P> MongoCollection<P> typed(RecordCodec<P> codec) {
    if (typed != null && codec == shape.codec()) {
      return (MongoCollection<P>) typed;
    }
    CodecRegistry registry = CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(codec),
        database.getCodecRegistry());
    return database.getCollection(shape.name(), codec.getEncoderClass()).withCodecRegistry(registry);
  }

  Collection<R> shape() { return shape; }

  String name() { return shape.name(); }

  String describe() { return "collection '" + shape.name() + "'"; }
}
