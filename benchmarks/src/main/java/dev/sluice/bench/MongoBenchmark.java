package dev.sluice.bench;

import static dev.sluice.mongo.MongoDsl.eq;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sluice.mongo.Collection;
import dev.sluice.mongo.Field;
import dev.sluice.mongo.MongoStore;
import dev.sluice.mongo.TypedCollection;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * sluice-mongodb's {@code MongoStore} against the raw Reactive Streams driver doing the same work,
 * on one {@code MongoClient} to an in-process mongo-java-server (memory backend) in the same JVM:
 * find by id into a record, the other point reads (fetchOne by a filter on a unique indexed field,
 * count, exists), stream 100k documents into records, insert 10k records. The raw
 * variants read {@code org.bson.Document}s and build the same record by hand; the server's own CPU
 * is in both numbers, so ratios understate any difference a real server would show.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MongoBenchmark {
  static final int DOCS = 100_000;
  static final int INSERTS = 10_000;

  public record Doc(ObjectId id, String name, Integer n, Long amount, Boolean flag, Instant at) {}

  public static final class Docs extends Collection<Doc> {
    public final Field<ObjectId> id = objectIdKey();
    public final Field<String> name = string("name");
    public final Field<Integer> n = int32("n");
    public final Field<Long> amount = int64("amount");
    public final Field<Boolean> flag = bool("flag");
    public final Field<Instant> at = instant("at");

    Docs(String name) { super(name, Doc.class); }
  }

  static final Docs READ = new Docs("bench_docs");
  static final Docs WRITE = new Docs("bench_insert");

  MongoServer server;
  MongoClient client;
  MongoStore store;
  TypedCollection<Doc> read;
  TypedCollection<Doc> write;
  MongoCollection<Document> rawRead;
  MongoCollection<Document> rawWrite;
  List<ObjectId> ids;
  List<Doc> toInsert;

  @Setup(Level.Trial)
  public void setUp() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress a = server.bind();
    client = MongoClients.create("mongodb://" + a.getHostString() + ":" + a.getPort());
    store = MongoStore.of(client, "bench");
    read = store.collection(READ);
    write = store.collection(WRITE);
    rawRead = client.getDatabase("bench").getCollection(READ.name());
    rawWrite = client.getDatabase("bench").getCollection(WRITE.name());
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    read.insertAll(Flux.range(0, DOCS).map(i -> new Doc(null, "name-" + i, i, i * 10L, i % 2 == 0, at)), 5_000)
        .block();
    ids = read.find().into(IdOnly.class).fetch().map(IdOnly::id).collectList().block();
    // the point reads by filter select on n, unique and indexed as the _id is
    Mono.from(rawRead.createIndex(new Document("n", 1), new IndexOptions().unique(true))).block();
    toInsert = new ArrayList<>();
    for (int i = 0; i < INSERTS; i++) {
      toInsert.add(new Doc(null, "ins-" + i, i, (long) i, true, at));
    }
  }

  public record IdOnly(ObjectId id) {}

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    server.shutdownNow();
  }

  ObjectId someId() {
    return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
  }

  static Doc fromDocument(Document d) {
    return new Doc(d.getObjectId("_id"), d.getString("name"), d.getInteger("n"), d.getLong("amount"),
        d.getBoolean("flag"), d.getDate("at").toInstant());
  }

  @Benchmark
  public Doc findByIdStore() {
    return read.find(eq(READ.id, someId())).fetchOne().block();
  }

  @Benchmark
  public Doc findByIdRaw() {
    return Mono.from(rawRead.find(new Document("_id", someId())).first()).map(MongoBenchmark::fromDocument).block();
  }

  int someN() {
    return ThreadLocalRandom.current().nextInt(DOCS);
  }

  /** fetchOne() by a filter that is not on _id: limit 2, so that a second match fails it. */
  @Benchmark
  public Doc findOneByFilterStore() {
    int n = someN();
    return checkN(read.find(eq(READ.n, n)).fetchOne().block(), n);
  }

  /** The same work by hand: limit 2, the documents read into records, more than one refused. */
  @Benchmark
  public Doc findOneByFilterRaw() {
    int n = someN();
    List<Doc> found = Flux.from(rawRead.find(new Document("n", n)).limit(2)).map(MongoBenchmark::fromDocument)
        .collectList().block();
    if (found.size() > 1) {
      throw new IllegalStateException("more than one document with n = " + n);
    }
    return checkN(found.isEmpty() ? null : found.get(0), n);
  }

  @Benchmark
  public long countStore() {
    return check(read.count(eq(READ.n, someN())).block(), 1);
  }

  @Benchmark
  public long countRaw() {
    return check(Mono.from(rawRead.countDocuments(new Document("n", someN()))).block(), 1);
  }

  @Benchmark
  public boolean existsStore() {
    return checkTrue(read.exists(eq(READ.n, someN())).block());
  }

  /** The cheapest raw existence check: the first matching id, projected. */
  @Benchmark
  public boolean existsRaw() {
    return checkTrue(Mono.from(rawRead.find(new Document("n", someN())).projection(new Document("_id", 1)).first())
        .hasElement().block());
  }

  private static Doc checkN(Doc d, int n) {
    if (d == null || d.n() != n) {
      throw new IllegalStateException("expected the document with n = " + n + ", got " + d);
    }
    return d;
  }

  private static boolean checkTrue(Boolean b) {
    if (!Boolean.TRUE.equals(b)) {
      throw new IllegalStateException("expected a match, got " + b);
    }
    return true;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public long stream100kStore(Blackhole bh) {
    return check(read.find().fetch().doOnNext(bh::consume).count().block(), DOCS);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public long stream100kRaw(Blackhole bh) {
    return check(Flux.from(rawRead.find()).map(MongoBenchmark::fromDocument).doOnNext(bh::consume).count().block(),
        DOCS);
  }

  /** Empties the insert target before each insert (untimed); only the insert benchmarks use it. */
  @State(Scope.Benchmark)
  public static class EmptyTarget {
    @Setup(Level.Invocation)
    public void empty(MongoBenchmark b) {
      Mono.from(b.rawWrite.drop()).block();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public long insert10kStore(EmptyTarget empty) {
    return check(write.insertMany(toInsert, true).block().orThrow().inserted(), INSERTS);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public long insert10kRaw(EmptyTarget empty) {
    List<Document> docs = new ArrayList<>(INSERTS);
    for (Doc d : toInsert) {
      docs.add(new Document("_id", new ObjectId()).append("name", d.name()).append("n", d.n())
          .append("amount", d.amount()).append("flag", d.flag()).append("at", java.util.Date.from(d.at())));
    }
    return check(Mono.from(rawWrite.insertMany(docs)).block().getInsertedIds().size(), INSERTS);
  }

  private static long check(long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException("expected " + expected + " documents, got " + actual);
    }
    return actual;
  }
}
