package dev.sluice.examples.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.RunDatabases;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * The Reactor Netty service on a PostgreSQL database of this run's own, seeded with
 * {@value #SEEDED} items ({@code item-<n>}, ids 1 to {@value #SEEDED}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyServiceIT {
  /** A guard against hangs, never a speed assertion: the machine is shared and can be slow. */
  static final Duration T = Duration.ofMinutes(3);
  static final String ADMIN_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/postgres";
  static final int SEEDED = 100_000;
  NettyService service;
  HttpClient client;

  @BeforeAll
  void start() {
    String name = RunDatabases.name("sluice_netty");
    RunDatabases.recreate(ADMIN_URL, name, " WITH (FORCE)");
    RunDatabases.dropOnExit(ADMIN_URL, name, " WITH (FORCE)");
    service = NettyService.start("r2dbc:postgresql://postgres@127.0.0.1:5432/" + name, 0);
    service.database().sql("INSERT INTO items (name, created_at) SELECT 'item-' || g, now() FROM generate_series(1, "
        + SEEDED + ") g").execute().block(T);
    client = HttpClient.create().baseUrl("http://127.0.0.1:" + service.port()).responseTimeout(T);
  }

  @AfterAll
  void stop() {
    service.close();
  }

  Tuple2<Integer, String> get(String uri) {
    return client.get().uri(uri).responseSingle((r, body) -> body.asString().defaultIfEmpty("")
        .map(b -> Tuples.of(r.status().code(), b))).block(T);
  }

  Tuple2<Integer, String> post(String json) {
    return client.post().uri("/items").send(ByteBufFlux.fromString(Mono.just(json)))
        .responseSingle((r, body) -> body.asString().defaultIfEmpty("").map(b -> Tuples.of(r.status().code(), b)))
        .block(T);
  }

  long count(String nameLike) {
    return service.database().sql("SELECT count(*) AS n FROM items WHERE name LIKE {0}", nameLike).fetch()
        .map(r -> r.get("n", Long.class)).blockFirst(T);
  }

  @Test
  void anItemIsFoundByIdAndAnUnknownIdIs404AndABadOne400() {
    Tuple2<Integer, String> found = get("/items/42");
    assertThat(found.getT1()).isEqualTo(200);
    assertThat(found.getT2()).contains("\"id\":42", "\"name\":\"item-42\"");
    assertThat(get("/items/999999999").getT1()).isEqualTo(404);
    Tuple2<Integer, String> bad = get("/items/forty-two");
    assertThat(bad.getT1()).isEqualTo(400);
    assertThat(bad.getT2()).contains("id is not a number");
  }

  @Test
  void aKeysetPageContinuesAfterTheLastId() {
    Tuple2<Integer, String> page = get("/items?after=100&size=3");
    assertThat(page.getT1()).isEqualTo(200);
    assertThat(page.getT2()).contains("\"id\":101", "\"id\":102", "\"id\":103").doesNotContain("\"id\":104");
    assertThat(get("/items?size=0").getT1()).isEqualTo(400);
  }

  @Test
  void aPostIs201ADuplicateIs409AndAnInvalidBodyIs400() {
    Tuple2<Integer, String> created = post("{\"name\":\"new-one\"}");
    assertThat(created.getT1()).isEqualTo(201);
    assertThat(created.getT2()).contains("\"name\":\"new-one\"", "\"createdAt\":");
    Tuple2<Integer, String> dup = post("{\"name\":\"new-one\"}");
    assertThat(dup.getT1()).isEqualTo(409);
    assertThat(dup.getT2()).contains("Duplicate key");
    assertThat(post("{\"name\":\"" + "x".repeat(101) + "\"}").getT1()).isEqualTo(400);
    assertThat(post("{\"name\":").getT1()).isEqualTo(400);
    assertThat(post("{}").getT2()).contains("name is required");
    assertThat(count("new-one")).isEqualTo(1);
    assertThat(count("x%")).isZero();
  }

  @Test
  void theStreamSendsEveryItemAsOneJsonLineInIdOrder() {
    String body = client.get().uri("/items/stream").responseSingle((r, b) -> {
      assertThat(r.status()).isEqualTo(HttpResponseStatus.OK);
      assertThat(r.responseHeaders().get("Content-Type")).isEqualTo("application/x-ndjson");
      return b.asString();
    }).block(T);
    List<String> lines = body.lines().toList();
    long total = count("%");
    assertThat(lines).hasSize((int) total);
    assertThat(lines.get(0)).startsWith("{\"id\":1,");
    assertThat(lines.get(SEEDED - 1)).startsWith("{\"id\":" + SEEDED + ",");
    eventually("the stream's connection is back in the pool", () -> service.acquiredConnections() == 0);
  }

  @Test
  void aClientThatStopsReadingHoldsTheQueryOpenAndItsCancelReturnsTheConnection() {
    StepVerifier.create(client.get().uri("/items/stream").responseContent().asString(), 0)
        .thenRequest(2)
        .expectNextCount(2)
        .then(() -> assertThat(service.acquiredConnections())
            .as("after two chunks of %s rows the query still runs: rows are read as the socket takes them", SEEDED)
            .isEqualTo(1))
        .thenCancel()
        .verify(T);
    eventually("the cancelled stream's connection is back in the pool", () -> service.acquiredConnections() == 0);
    for (int i = 0; i < 12; i++) {
      StepVerifier.create(client.get().uri("/items/stream").responseContent().asString(), 1)
          .expectNextCount(1).thenCancel().verify(T);
    }
    eventually("twelve cancelled streams on a pool of ten returned every connection",
        () -> service.acquiredConnections() == 0);
    assertThat(get("/items/7").getT1()).isEqualTo(200);
  }

  static void eventually(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }
}
