package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.asc;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.SluiceException;
import dev.sluice.mongo.testing.Fixtures.User;
import dev.sluice.mongo.testing.InProcessMongo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Streams from a server cursor: demand drives getMore, a cancel kills the cursor, a lost server is a typed error. */
class MongoStreamingIT {
  private static void fill(MongoStore store, int n) {
    store.collection(USERS).insertAll(Flux.range(0, n).map(i -> user(String.format("U%05d", i), i % 90, "Oslo")), 500)
        .block();
  }

  @Test
  void demandDrivesTheCursorAndEveryDocumentArrivesInOrder() {
    try (InProcessMongo mongo = new InProcessMongo()) {
      fill(mongo.store(), 1_000);
      AtomicInteger seen = new AtomicInteger();
      StepVerifier.create(mongo.store().collection(USERS).find().sort(asc(USERS.name)).batchSize(100).fetch()
              .doOnNext(u -> seen.incrementAndGet()), 0)
          .thenRequest(10)
          .expectNextCount(10)
          .thenRequest(990)
          .expectNextCount(990)
          .verifyComplete();
      assertThat(seen.get()).isEqualTo(1_000);
      assertThat(mongo.commands("getMore")).hasSizeGreaterThanOrEqualTo(9);
    }
  }

  @Test
  void cancellingAStreamKillsTheServerCursor() {
    try (InProcessMongo mongo = new InProcessMongo()) {
      fill(mongo.store(), 1_000);
      int findsBefore = mongo.commands("find").size();
      List<User> first = mongo.store().collection(USERS).find().batchSize(50).fetch().take(120).collectList().block();
      assertThat(first).hasSize(120);
      assertThat(mongo.commands("find")).hasSize(findsBefore + 1);
      List<InProcessMongo.Sent> getMores = mongo.commands("getMore");
      assertThat(getMores).hasSizeBetween(2, 3);
      long cursorId = getMores.get(0).command().getInt64("getMore").getValue();
      StepVerifier.create(Flux.interval(Duration.ofMillis(20)).map(i -> mongo.commands("killCursors"))
              .filter(k -> !k.isEmpty()).next())
          .assertNext(kills -> assertThat(kills.get(0).command().getArray("cursors").get(0).asInt64().getValue())
              .isEqualTo(cursorId))
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void aServerThatGoesAwayMidStreamIsATransientConnectionLoss() {
    InProcessMongo mongo = new InProcessMongo();
    try {
      fill(mongo.store(), 600);
      AtomicInteger seen = new AtomicInteger();
      Flux<User> stream = mongo.store().collection(USERS).find().batchSize(100).fetch()
          .doOnNext(u -> {
            if (seen.incrementAndGet() == 150) {
              mongo.shutdownServer();
            }
          });
      assertThatThrownBy(stream::blockLast)
          .isInstanceOf(ConnectionLostException.class)
          .hasMessage("connection to MongoDB lost during users.find")
          .satisfies(e -> assertThat(((SluiceException) e).isTransient()).isTrue());
      assertThat(seen.get()).isBetween(150, 200);
    } finally {
      mongo.close();
    }
  }
}
