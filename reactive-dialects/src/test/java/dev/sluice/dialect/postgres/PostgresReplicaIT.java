package dev.sluice.dialect.postgres;

import static dev.sluice.query.Dsl.eq;
import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Database;
import dev.sluice.DatabaseBuilder;
import dev.sluice.ReadYourWrites;
import dev.sluice.ReplicaEvent;
import dev.sluice.contract.DatabaseTarget;
import dev.sluice.contract.RunDatabases;
import dev.sluice.dialect.AdminQuery;
import dev.sluice.error.SluiceException;
import dev.sluice.query.Functions;
import dev.sluice.testing.Country;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read replicas on a real PostgreSQL streaming replica: the local cluster (5432) is the primary and
 * {@code scripts/pg-replica.sh} keeps a hot standby of it on 5434. A database of this run's own is
 * created on the primary, waited for on the standby, and dropped afterwards. Where a statement ran
 * is read from the server itself ({@code inet_server_port()}, {@code pg_is_in_recovery()}); a write
 * that reached the standby would fail there (read-only). The stop/start test stops and starts only
 * the standby. Runs of several worktrees take turns through a file lock.
 */
class PostgresReplicaIT {
  private static final Duration T = Duration.ofSeconds(60);
  private static final String DATABASE = RunDatabases.name("sluice_replica");
  private static final String PRIMARY = "r2dbc:postgresql://postgres@127.0.0.1:5432/" + DATABASE;
  private static final String REPLICA = "r2dbc:postgresql://postgres@127.0.0.1:" + ReplicaCluster.PORT + "/" + DATABASE;
  private static final int PRIMARY_PORT = 5432;
  private static final int REPLICA_PORT = Integer.parseInt(ReplicaCluster.PORT);
  private static final ReplicaCluster CLUSTER = new ReplicaCluster();
  private static FileChannel lockFile;
  private static FileLock lock;

  private final List<ReplicaEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void createTheDatabaseOnThePrimaryAndWaitForItOnTheReplica() throws IOException {
    DatabaseTarget.requireTcp("PostgreSQL", "127.0.0.1", PRIMARY_PORT);
    lockFile = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "sluice-pg-replica.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    lock = lockFile.lock();
    CLUSTER.require();
    RunDatabases.recreate(ReplicaCluster.PRIMARY_ADMIN, DATABASE, " WITH (FORCE)");
    RunDatabases.dropOnExit(ReplicaCluster.PRIMARY_ADMIN, DATABASE, " WITH (FORCE)");
    Database primary = Database.builder().url(PRIMARY).pooled(false).build();
    primary.createTables(COUNTRIES).then(primary.insertInto(COUNTRIES).values(new Country(null, "Peru")).execute())
        .block(T);
    CLUSTER.awaitDatabase(DATABASE);
    CLUSTER.awaitReplay();
  }

  @AfterAll
  static void dropTheDatabase() throws IOException {
    try {
      if (lock != null) {
        CLUSTER.start();
        CLUSTER.resumeReplay();
        AdminQuery.sum(ConnectionFactories.get(ReplicaCluster.PRIMARY_ADMIN),
            "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
    } finally {
      if (lock != null) {
        lock.release();
        lockFile.close();
      }
    }
  }

  private DatabaseBuilder replicated(ConnectionFactory primary) {
    return Database.builder().primary(primary).replicas(REPLICA)
        .replicaBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)).onReplicaEvent(events::add);
  }

  /** The port of the server that ran a typed read. */
  private static Mono<Integer> port(Database db) {
    return db.select(Functions.sql(Integer.class, "inet_server_port()")).from(COUNTRIES).limit(1).fetch(p -> p).single();
  }

  @Test
  void readsRunOnTheReplicaAndLocksRawStatementsTransactionsAndPinnedReadsOnThePrimary() {
    ConnectionFactory given = ConnectionFactories.get(PRIMARY);
    Database db = replicated(given).build();
    try {
      assertThat(port(db).block(T)).isEqualTo(REPLICA_PORT);
      assertThat(db.select(Functions.sql(Boolean.class, "pg_is_in_recovery()")).from(COUNTRIES).limit(1)
          .fetch(r -> r).single().block(T)).as("a typed read sees the standby's state").isTrue();
      assertThat(db.sql("SELECT pg_is_in_recovery() AS r").readOnly().fetch().map(r -> r.get("r", Boolean.class))
          .single().block(T)).as("a raw read declared read-only").isTrue();
      assertThat(db.sql("SELECT pg_is_in_recovery() AS r").fetch().map(r -> r.get("r", Boolean.class))
          .single().block(T)).as("a raw statement not declared read-only").isFalse();
      assertThat(port(db.onPrimary()).block(T)).isEqualTo(PRIMARY_PORT);
      assertThat(db.select(Functions.sql(Integer.class, "inet_server_port()")).from(COUNTRIES).limit(1).onPrimary()
          .fetch(p -> p).single().block(T)).as("one query on the primary").isEqualTo(PRIMARY_PORT);
      assertThat(db.select(Functions.sql(Integer.class, "inet_server_port()")).from(COUNTRIES).limit(1).forUpdate()
          .fetch(p -> p).single().block(T)).as("FOR UPDATE").isEqualTo(PRIMARY_PORT);
      assertThat(db.inTransaction(tx -> port(tx)).single().block(T)).as("in a Sluice transaction").isEqualTo(PRIMARY_PORT);
      TransactionalOperator spring = TransactionalOperator.create(new R2dbcTransactionManager(given));
      assertThat(spring.transactional(port(db)).block(T)).as("in a joined Spring transaction").isEqualTo(PRIMARY_PORT);
      assertThat(events).isEmpty();
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void aWriteNeverLandsOnTheReplica() {
    Database db = replicated(ConnectionFactories.get(PRIMARY)).build();
    Database standbyOnly = Database.builder().url(REPLICA).pooled(false).build();
    try {
      assertThatThrownBy(() -> standbyOnly.insertInto(COUNTRIES).values(new Country(null, "nowhere")).execute().block(T))
          .as("the standby refuses writes, so each write below that succeeded ran on the primary")
          .isInstanceOf(SluiceException.class).hasMessageContaining("read-only transaction");

      String run = RunDatabases.RUN_ID;
      Long written = Flux.range(0, 100).flatMap(i -> i % 2 == 0
              ? db.insertInto(COUNTRIES).values(new Country(null, "w" + i + "-" + run)).execute()
              : port(db).map(p -> p == REPLICA_PORT ? 0L : -1_000L), 8)
          .reduce(0L, Long::sum).block(T);
      assertThat(written).as("50 inserts of one row each; every interleaved read on the replica").isEqualTo(50L);
      Country returned = db.insertInto(COUNTRIES).values(new Country(null, "returned-" + run)).returning().block(T);
      assertThat(db.update(COUNTRIES).set(COUNTRIES.name, "updated-" + run).where(eq(COUNTRIES.id, returned.id()))
          .execute().block(T)).isEqualTo(1L);
      assertThat(db.sql("INSERT INTO countries (name) VALUES ({0}) RETURNING id", "raw-" + run).fetch().count()
          .block(T)).isEqualTo(1L);
      assertThat(db.sql("DELETE FROM countries WHERE name = {0}", "raw-" + run).execute().block(T)).isEqualTo(1L);

      long onPrimary = AdminQuery.sum(ConnectionFactories.get(PRIMARY),
          "SELECT count(*) FROM countries WHERE name LIKE $1 OR name = $2", "w%-" + run, "updated-" + run);
      assertThat(onPrimary).isEqualTo(51L);
      CLUSTER.awaitReplay();
      assertThat(db.selectFrom(COUNTRIES).fetch()
              .filter(c -> c.name().matches("w\\d+-" + run) || c.name().equals("updated-" + run)).count().block(T))
          .as("read back on the replica once replayed").isEqualTo(51L);
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void aLaggingReplicaShowsOldRowsAndAReadYourWritesSessionReadsThePrimary() {
    Database db = replicated(ConnectionFactories.get(PRIMARY)).readYourWrites(Duration.ofMinutes(1)).build();
    String run = RunDatabases.RUN_ID;
    Country written;
    CLUSTER.pauseReplay();
    try {
      written = db.insertInto(COUNTRIES).values(new Country(null, "lag-" + run)).returning().block(T);
      assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "lag-" + run)).fetchOne().blockOptional(T))
          .as("the replica has not replayed the insert").isEmpty();
      assertThat(db.onPrimary().selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "lag-" + run)).fetchOne().block(T))
          .isEqualTo(written);

      Country seen = db.insertInto(COUNTRIES).values(new Country(null, "ryw-" + run)).execute()
          .then(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "ryw-" + run)).fetchOne())
          .contextWrite(ReadYourWrites.session()).block(T);
      assertThat(seen).as("read in the session of its write, on the primary").isNotNull();
      assertThat(seen.name()).isEqualTo("ryw-" + run);
      assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "ryw-" + run)).fetchOne()
          .contextWrite(ReadYourWrites.session()).blockOptional(T))
          .as("another session, without a write: the lagging replica").isEmpty();
    } finally {
      CLUSTER.resumeReplay();
    }
    try {
      CLUSTER.awaitReplay();
      assertThat(db.selectFrom(COUNTRIES).where(eq(COUNTRIES.name, "lag-" + run)).fetchOne().block(T))
          .as("the replica caught up").isEqualTo(written);
      assertThat(events).isEmpty();
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void stoppingAndStartingTheReplicaDuringAStreamOfReadsFailsNoRead() {
    Database db = replicated(ConnectionFactories.get(PRIMARY)).build();
    Map<Integer, AtomicInteger> byPort = new ConcurrentHashMap<>();
    List<Throwable> failed = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Disposable reads = Flux.range(0, Integer.MAX_VALUE).takeWhile(i -> !stop.get())
        .flatMap(i -> port(db).doOnNext(p -> byPort.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet())
            .onErrorResume(e -> {
              failed.add(e);
              return Mono.empty();
            }), 4)
        .subscribe();
    try {
      ReplicaCluster.await("100 reads on the replica", () -> count(byPort, REPLICA_PORT) >= 100);
      CLUSTER.stop();
      int primaryBefore = count(byPort, PRIMARY_PORT);
      ReplicaCluster.await("200 reads on the primary while the replica is down",
          () -> count(byPort, PRIMARY_PORT) >= primaryBefore + 200);
      CLUSTER.start();
      int replicaBefore = count(byPort, REPLICA_PORT);
      ReplicaCluster.await("100 reads on the replica again", () -> count(byPort, REPLICA_PORT) >= replicaBefore + 100);
    } finally {
      stop.set(true);
      ReplicaCluster.await("the reads to stop", reads::isDisposed);
      CLUSTER.start();
    }
    try {
      System.out.printf("[replica] stop/start of the replica under 4 concurrent reads: %s reads per port, %d failed, "
          + "events %s%n", byPort, failed.size(), events.stream().map(e -> e.kind() + " " + e.replica()
          + (e.retriedOn() == null ? "" : " -> " + e.retriedOn())).toList());
      assertThat(failed).as("reads that failed").isEmpty();
      assertThat(events).extracting(ReplicaEvent::kind)
          .contains(ReplicaEvent.Kind.DOWN, ReplicaEvent.Kind.RETRIED, ReplicaEvent.Kind.UP);
      assertThat(events).filteredOn(e -> e.kind() == ReplicaEvent.Kind.RETRIED)
          .allSatisfy(e -> assertThat(e.retriedOn()).isEqualTo("primary"));
      assertThat(events.get(events.size() - 1).kind()).as("the last event").isEqualTo(ReplicaEvent.Kind.UP);
    } finally {
      db.close().block(T);
    }
  }

  @Test
  void aStreamThatLosesTheReplicaAfterItsFirstRowsFailsInsteadOfBeingReadAgain() throws Exception {
    Database db = replicated(ConnectionFactories.get(PRIMARY)).build();
    int total = 5_000_000;   // far more than the socket buffers hold, so the server is still sending
    Flux<Long> rows = db.sql("SELECT a.i * 1000 + b.j AS v FROM generate_series(0, 4999) a(i), "
        + "generate_series(1, 1000) b(j)").readOnly().fetch().map(r -> r.get("v", Long.class));
    java.util.BitSet seen = new java.util.BitSet(total + 1);
    AtomicInteger count = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<Throwable> end = new java.util.concurrent.CompletableFuture<>();
    reactor.core.publisher.BaseSubscriber<Long> reader = new reactor.core.publisher.BaseSubscriber<>() {
      @Override protected void hookOnSubscribe(org.reactivestreams.Subscription s) {
        request(1000);
      }

      @Override protected void hookOnNext(Long v) {
        if (seen.get(v.intValue())) {
          duplicates.incrementAndGet();
        }
        seen.set(v.intValue());
        if (count.incrementAndGet() == 1000) {
          first.countDown();
        }
      }

      @Override protected void hookOnError(Throwable e) { end.complete(e); }

      @Override protected void hookOnComplete() { end.complete(null); }
    };
    try {
      rows.subscribe(reader);
      assertThat(first.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the first 1000 rows arrived").isTrue();
      CLUSTER.stop();
      reader.request(Long.MAX_VALUE);
      Throwable error = end.get(60, java.util.concurrent.TimeUnit.SECONDS);
      System.out.printf("[replica] a stream of %d rows, the replica stopped after row 1000: %d rows delivered, "
          + "then %s%n", total, count.get(), error);
      assertThat(error).as("the stream's end").isInstanceOf(dev.sluice.error.ConnectionLostException.class);
      assertThat(count.get()).isBetween(1000, total - 1);
      assertThat(duplicates).as("rows delivered twice").hasValue(0);
      assertThat(events).extracting(ReplicaEvent::kind).containsExactly(ReplicaEvent.Kind.DOWN);
    } finally {
      reader.dispose();
      CLUSTER.start();
      db.close().block(T);
    }
  }

  private static int count(Map<Integer, AtomicInteger> byPort, int port) {
    AtomicInteger n = byPort.get(port);
    return n == null ? 0 : n.get();
  }
}
