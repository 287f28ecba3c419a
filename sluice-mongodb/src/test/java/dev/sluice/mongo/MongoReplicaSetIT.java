package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.mongo.testing.Fixtures.User;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * What mongo-java-server does not have, on a real MongoDB 7 single-node replica set in a
 * Testcontainers container: multi-document transactions carried in the Reactor Context, write
 * conflicts, change streams, partial indexes and aggregation cursors. Without a Docker engine these tests are skipped
 * (visibly: "disabledWithoutDocker is true and Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoReplicaSetIT {
  @Container
  private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

  private MongoStore store;
  private TypedCollection<User> users;

  @BeforeEach void connect() {
    store = MongoStore.connect(MONGO.getReplicaSetUrl(), "sluice_" + UUID.randomUUID().toString().substring(0, 8));
    store.createIndexes(USERS).block();
    users = store.collection(USERS);
  }

  @AfterEach void close() {
    store.dropDatabase().block();
    store.close();
  }

  @Test
  void aTransactionCommitsEveryWriteOfTheBodyTogether() {
    store.inTransaction(s -> s.collection(USERS).insert(user("Ann", 20, "Oslo"))
        .then(s.collection(USERS).insert(user("Bob", 30, "Oslo")))).blockLast();
    assertThat(users.count().block()).isEqualTo(2L);
  }

  @Test
  void anErrorInTheBodyAbortsEveryWriteOfIt() {
    assertThatThrownBy(() -> store.inTransaction(s -> s.collection(USERS).insert(user("Ann", 20, "Oslo"))
        .then(Mono.error(new IllegalStateException("boom")))).blockLast())
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(users.count().block()).isZero();
  }

  @Test
  void aNestedTransactionJoinsTheOuterOneAndFailsWithIt() {
    assertThatThrownBy(() -> store.inTransaction(s -> s.collection(USERS).insert(user("Ann", 20, "Oslo"))
        .thenMany(s.inTransaction(inner -> inner.collection(USERS).insert(user("Bob", 30, "Oslo"))))
        .then(Mono.error(new IllegalStateException("after the nested one")))).blockLast())
        .hasMessage("after the nested one");
    assertThat(users.count().block()).isZero();
  }

  @Test
  void cancellingTheBodyAbortsTheTransaction() {
    Sinks.One<Boolean> wrote = Sinks.one();
    var subscription = store.inTransaction(s -> s.collection(USERS).insert(user("Ann", 20, "Oslo"))
        .doOnNext(u -> wrote.tryEmitValue(true)).then(Mono.never())).subscribe();
    assertThat(wrote.asMono().block(Duration.ofSeconds(20))).isTrue();
    subscription.dispose();
    // the aborted transaction no longer holds Ann's unique key: the same insert outside succeeds at once
    // (while the transaction lived, it would wait for it, up to the transaction's 60 s lifetime)
    assertThat(users.insert(user("Ann", 21, "Oslo")).block(Duration.ofSeconds(5))).isNotNull();
    assertThat(users.find().fetch().map(User::age).collectList().block()).containsExactly(21);
  }

  @Test
  void aDuplicateInsideATransactionIsTypedAndRollsBackTheEarlierWrites() {
    users.insert(user("Bob", 30, "Oslo")).block();
    assertThatThrownBy(() -> store.inTransaction(s -> s.collection(USERS).insert(user("Ann", 20, "Oslo"))
        .then(s.collection(USERS).insert(user("Bob", 31, "Oslo")))).blockLast())
        .isInstanceOfSatisfying(UniqueViolationException.class, e -> assertThat(e.constraint()).isEqualTo("users_email"));
    assertThat(users.count().block()).isEqualTo(1L);
  }

  @Test
  void readsInsideTheTransactionSeeItsOwnWritesAndOtherSessionsDoNot() {
    try (MongoStore other = MongoStore.connect(MONGO.getReplicaSetUrl(), store.databaseName())) {
      List<Long> counts = store.inTransaction(s -> s.collection(USERS).insert(user("Ann", 20, "Oslo"))
          .then(Mono.zip(s.collection(USERS).count(), other.collection(USERS).count(), List::of))).blockLast();
      assertThat(counts).containsExactly(1L, 0L);
      assertThat(other.collection(USERS).count().block()).isEqualTo(1L);
    }
  }

  @Test
  void aSecondTransactionWritingAnUncommittedDocumentFailsTransiently() throws Exception {
    User ann = users.insert(user("Ann", 20, "Oslo")).block();
    Sinks.One<Boolean> wrote = Sinks.one();
    Sinks.One<Boolean> release = Sinks.one();
    var first = store.inTransaction(s -> s.collection(USERS).update(eq(USERS.id, ann.id())).inc(USERS.age, 1).one()
        .doOnNext(r -> wrote.tryEmitValue(true)).then(release.asMono())).then().toFuture();
    assertThat(wrote.asMono().block(Duration.ofSeconds(20))).isTrue();
    assertThatThrownBy(() -> store.inTransaction(s -> s.collection(USERS).update(eq(USERS.id, ann.id()))
        .inc(USERS.age, 10).one()).blockLast())
        .isInstanceOfSatisfying(SerializationFailureException.class, e -> assertThat(e.isTransient()).isTrue());
    release.tryEmitValue(true);
    first.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(users.find(eq(USERS.id, ann.id())).fetchOne().block().age()).isEqualTo(21);
  }

  @Test
  void aChangeStreamEmitsInsertsAndUpdatesWithTheDocument() {
    StepVerifier.create(users.watch().take(2))
        .expectSubscription()
        .then(() -> users.insert(user("Ann", 20, "Oslo"))
            .flatMap(a -> users.update(eq(USERS.id, a.id())).inc(USERS.age, 1).one()).subscribe())
        .assertNext(c -> assertThat(c.operation()).isEqualTo("insert"))
        .assertNext(c -> {
          assertThat(c.operation()).isEqualTo("update");
          assertThat(c.document().age()).isEqualTo(21);
        })
        .verifyComplete();
  }

  @Test
  void aPartialUniqueIndexOnlyConstrainsTheMatchingDocuments() {
    users.insert(user("Kid", 10, "Oslo")).block();
    users.insert(new User(null, "Kid", "kid2@x", 11, false, null, null, null, null, List.of(), null)).block();
    users.insert(user("Max", 30, "Oslo")).block();
    assertThatThrownBy(() -> users.insert(new User(null, "Max", "max2@x", 31, true, null, null, null, null,
        List.of(), null)).block())
        .isInstanceOfSatisfying(UniqueViolationException.class,
            e -> assertThat(e.constraint()).isEqualTo("users_active_name"));
  }

  record NameOnly(String name) {}

  @Test
  void cancellingAnAggregationStreamKillsItsCursor() {
    java.util.List<String> kills = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.mongodb.MongoClientSettings settings = com.mongodb.MongoClientSettings.builder()
        .applyConnectionString(new com.mongodb.ConnectionString(MONGO.getReplicaSetUrl()))
        .addCommandListener(new com.mongodb.event.CommandListener() {
          @Override public void commandStarted(com.mongodb.event.CommandStartedEvent e) {
            if (e.getCommandName().equals("killCursors")) {
              kills.add(e.getCommand().getString("killCursors").getValue());
            }
          }
        }).build();
    try (MongoStore listened = MongoStore.connect(settings, store.databaseName())) {
      users.insertAll(reactor.core.publisher.Flux.range(0, 1_000).map(i -> user("U" + i, i % 90, "Oslo")), 500).block();
      assertThat(listened.collection(USERS).aggregate().project(USERS.name).batchSize(10).fetch(NameOnly.class)
          .take(30).collectList().block()).hasSize(30);
      StepVerifier.create(reactor.core.publisher.Flux.interval(Duration.ofMillis(20)).filter(i -> !kills.isEmpty()).next())
          .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
      assertThat(kills).containsExactly("users");
    }
  }
}
