package dev.sluice.examples.service;

import dev.sluice.examples.service.Tables.User;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Many streams at once on a pool of 10, each cancelled by its client after a random number of rows
 * (some before the first): every connection must be back in the pool afterwards, on Sluice and on
 * DatabaseClient alike.
 */
class ConcurrentCancelIT extends ServiceTestBase {

  void cancelMany(String path) {
    WebClient web = WebClient.create("http://127.0.0.1:" + port);
    Flux.range(0, 64)
        .flatMap(i -> web.get().uri(path).accept(MediaType.APPLICATION_NDJSON).retrieve().bodyToFlux(User.class)
            .take(ThreadLocalRandom.current().nextInt(0, 1000)).count(), 32)
        .blockLast(T);
    eventually("every connection of " + path + " is back in the pool", () -> acquired() == 0);
  }

  @Test
  void sluiceStreamsCancelledConcurrentlyReturnEveryConnection() {
    cancelMany("/users/stream?limit=1000");
  }

  @Test
  void databaseClientStreamsCancelledConcurrentlyReturnEveryConnection() {
    cancelMany("/dc/users/stream?limit=1000");
  }
}
