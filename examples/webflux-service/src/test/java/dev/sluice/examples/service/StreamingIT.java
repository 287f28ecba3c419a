package dev.sluice.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.service.Tables.User;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The stream route as NDJSON and SSE: the whole table arrives in order; a slow client holds one
 * connection and gets every row; a client that goes away cancels the query and its connection goes
 * back to the pool.
 */
class StreamingIT extends ServiceTestBase {

  Flux<User> ndjson(String uri) {
    return client().get().uri(uri).accept(MediaType.APPLICATION_NDJSON).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
        .returnResult(User.class).getResponseBody();
  }

  @Test
  void theWholeTableStreamsAsNdjsonInIdOrder() {
    long total = scalar("SELECT count(*) AS n FROM users");
    AtomicInteger count = new AtomicInteger();
    long[] last = {0};
    ndjson("/users/stream").doOnNext(u -> {
      assertThat(u.id()).isGreaterThan(last[0]);
      last[0] = u.id();
      count.incrementAndGet();
    }).blockLast(T);
    assertThat(count.get()).isEqualTo(total).isGreaterThanOrEqualTo(SEEDED);
    eventually("the stream's connection is back in the pool", () -> acquired() == 0);
  }

  @Test
  void theStreamIsServerSentEventsWhenAskedFor() {
    List<ServerSentEvent<User>> events = client().get().uri("/users/stream?limit=250")
        .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<User>>() {}).getResponseBody()
        .collectList().block(T);
    assertThat(events).hasSize(250);
    assertThat(events.get(0).data().email()).isEqualTo("seed1@example.com");
    assertThat(events.get(249).data().id()).isEqualTo(250L);
  }

  @Test
  void aSlowClientGetsEveryRowWhileTheStreamHoldsOneConnection() {
    long total = scalar("SELECT count(*) AS n FROM users");
    AtomicInteger heldEarly = new AtomicInteger(-1);
    AtomicInteger count = new AtomicInteger();
    long[] last = {0};
    ndjson("/users/stream")
        .limitRate(4)
        .concatMap(u -> u.id() % 50 == 0 ? Mono.just(u).delayElement(Duration.ofMillis(1)) : Mono.just(u), 1)
        .doOnNext(u -> {
          assertThat(u.id()).isGreaterThan(last[0]);
          last[0] = u.id();
          if (count.incrementAndGet() == 1000) {
            heldEarly.set(acquired());
          }
        })
        .blockLast(T);
    assertThat(count.get()).isEqualTo(total);
    assertThat(heldEarly.get()).as("connections held after 1,000 rows: the query waits for the slow client")
        .isEqualTo(1);
    eventually("the stream's connection is back in the pool", () -> acquired() == 0);
  }

  @Test
  void aClientThatStopsReadingHoldsTheQueryOpenAndItsCancelReturnsTheConnection() {
    StepVerifier.create(ndjson("/users/stream"), 0)
        .thenRequest(10)
        .expectNextCount(10)
        .then(() -> assertThat(acquired())
            .as("after 10 of %s rows the query still runs: the server reads only what the socket takes", SEEDED)
            .isEqualTo(1))
        .thenCancel()
        .verify(T);
    eventually("the cancelled stream's connection is back in the pool", () -> acquired() == 0);
    client().get().uri("/users/7").exchange().expectStatus().isOk();
  }

  @Test
  void moreCancelledStreamsThanThePoolHasConnectionsLeaveItUsable() {
    for (int i = 0; i < 12; i++) {
      StepVerifier.create(ndjson("/users/stream"), 5).expectNextCount(5).thenCancel().verify(T);
    }
    eventually("every cancelled stream's connection is back in the pool", () -> acquired() == 0);
    client().get().uri("/users/stream?limit=3").accept(MediaType.APPLICATION_NDJSON).exchange()
        .expectStatus().isOk().returnResult(User.class).getResponseBody()
        .as(StepVerifier::create).expectNextCount(3).verifyComplete();
  }
}
