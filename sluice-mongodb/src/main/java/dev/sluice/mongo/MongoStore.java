package dev.sluice.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.connection.ClusterType;
import dev.sluice.error.UnsupportedByDialectException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The entry point to one MongoDB database over the Reactive Streams driver: typed collections,
 * index creation and transactions. Every operation is cold and returns a {@code Mono} or
 * {@code Flux}; nothing runs before subscription.
 *
 * <pre>{@code
 * MongoStore store = MongoStore.connect("mongodb://localhost:27017", "app");
 * Flux<User> adults = store.collection(USERS).find(gte(USERS.age, 18)).sort(asc(USERS.name)).fetch();
 * }</pre>
 */
public final class MongoStore implements AutoCloseable {
  private final MongoClient client;
  private final MongoDatabase database;
  private final boolean ownsClient;
  private final Object transactionKey = new Object();
  private final Sessions sessions = new Sessions(transactionKey);

  private MongoStore(MongoClient client, String database, boolean ownsClient) {
    this.client = Objects.requireNonNull(client, "client");
    this.database = client.getDatabase(Objects.requireNonNull(database, "database"));
    this.ownsClient = ownsClient;
  }

  /**
   * Connects with a connection string naming the database ({@code mongodb://host:27017/app});
   * {@link #close()} closes the client.
   */
  public static MongoStore connect(String connectionString) {
    ConnectionString cs = new ConnectionString(connectionString);
    if (cs.getDatabase() == null) {
      throw new IllegalArgumentException("the connection string names no database (mongodb://host/<database>): "
          + "use connect(connectionString, database)");
    }
    return connect(MongoClientSettings.builder().applyConnectionString(cs).build(), cs.getDatabase());
  }

  /** Connects with a connection string to a database; {@link #close()} closes the client. */
  public static MongoStore connect(String connectionString, String database) {
    return connect(MongoClientSettings.builder().applyConnectionString(new ConnectionString(connectionString))
        .build(), database);
  }

  /** Connects with the driver's settings (command listeners, pool sizes, ...); {@link #close()} closes the client. */
  public static MongoStore connect(MongoClientSettings settings, String database) {
    return new MongoStore(MongoClients.create(settings), database, true);
  }

  /** Uses a client the application owns (and closes). */
  public static MongoStore of(MongoClient client, String database) {
    return new MongoStore(client, database, false);
  }

  /** The database's name. */
  public String databaseName() { return database.getName(); }

  /** The driver's database, for what this store does not cover. */
  public MongoDatabase driverDatabase() { return database; }

  /** A collection, read into its record; the record is checked against the declaration here. */
  public <R> TypedCollection<R> collection(Collection<R> collection) {
    collection.codec();
    return new TypedCollection<>(collection, database, sessions);
  }

  /** Creates the declared indexes of a collection; emits their names. */
  public Mono<List<String>> createIndexes(Collection<?> collection) {
    List<IndexModel> models = new ArrayList<>();
    for (Index index : collection.indexes()) {
      BsonDocument keys = new BsonDocument();
      for (Sort s : index.keys()) {
        keys.append(s.path(), new BsonInt32(s.direction()));
      }
      IndexOptions options = new IndexOptions().name(index.name()).unique(index.isUnique());
      if (index.expireAfter() != null) {
        options.expireAfter(index.expireAfter().toSeconds(), TimeUnit.SECONDS);
      }
      if (index.partialFilter() != null) {
        options.partialFilterExpression(index.partialFilter().toBson());
      }
      models.add(new IndexModel(keys, options));
    }
    if (models.isEmpty()) {
      return Mono.just(List.of());
    }
    return sessions.flux(collection.name(), "createIndexes",
            s -> database.getCollection(collection.name()).createIndexes(s, models),
            () -> database.getCollection(collection.name()).createIndexes(models))
        .collectList();
  }

  /** Drops a collection (and its indexes). */
  public Mono<Void> drop(Collection<?> collection) {
    return sessions.mono(collection.name(), "drop", s -> database.getCollection(collection.name()).drop(s),
        () -> database.getCollection(collection.name()).drop());
  }

  /** Drops the whole database. */
  public Mono<Void> dropDatabase() {
    return sessions.mono(database.getName(), "dropDatabase", database::drop, database::drop);
  }

  /**
   * Runs {@code body} in a multi-document transaction: the session travels in the Reactor
   * {@code Context}, so every operation of this store subscribed inside the body joins it. Commits
   * when the body completes, aborts on error and on cancel. A nested call joins the outer
   * transaction (MongoDB has no savepoints). Needs a replica set or a sharded cluster.
   *
   * <pre>{@code
   * store.inTransaction(s -> s.collection(ACCOUNTS).update(eq(ACCOUNTS.id, a)).inc(ACCOUNTS.balance, -10).one()
   *     .then(s.collection(ACCOUNTS).update(eq(ACCOUNTS.id, b)).inc(ACCOUNTS.balance, 10).one()));
   * }</pre>
   */
  public <T> Flux<T> inTransaction(Function<MongoStore, ? extends Publisher<T>> body) {
    return Flux.deferContextual(ctx -> {
      if (ctx.hasKey(transactionKey)) {
        return Flux.from(body.apply(this));
      }
      return Flux.usingWhen(
          supportsTransactions().then(Mono.from(client.startSession())).doOnNext(ClientSession::startTransaction),
          s -> Flux.from(body.apply(this)).contextWrite(c -> c.put(transactionKey, s)),
          s -> Mono.from(s.commitTransaction()).doFinally(x -> s.close()),
          (s, error) -> Mono.from(s.abortTransaction()).doFinally(x -> s.close()),
          s -> Mono.from(s.abortTransaction()).doFinally(x -> s.close()))
          .onErrorMap(e -> MongoErrors.translate(e, database.getName(), "transaction"));
    });
  }

  /**
   * Fails with {@link UnsupportedByDialectException} unless the cluster is a replica set, a sharded
   * cluster or behind a load balancer (a standalone server has no transactions); asks the server
   * once ({@code ping}) when the driver has not connected yet.
   */
  private Mono<Void> supportsTransactions() {
    return Mono.defer(() -> {
      ClusterType type = client.getClusterDescription().getType();
      Mono<ClusterType> known = type != ClusterType.UNKNOWN ? Mono.just(type)
          : Mono.from(database.runCommand(new BsonDocument("ping", new BsonInt32(1))))
              .then(Mono.fromSupplier(() -> client.getClusterDescription().getType()));
      return known.flatMap(t -> t == ClusterType.REPLICA_SET || t == ClusterType.SHARDED
          || t == ClusterType.LOAD_BALANCED ? Mono.<Void>empty()
          : Mono.error(new UnsupportedByDialectException("multi-document transactions are not supported by this"
              + " MongoDB server (a " + t + " cluster; they need a replica set or a sharded cluster)")));
    });
  }

  /** Closes the client if this store created it. */
  @Override public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
