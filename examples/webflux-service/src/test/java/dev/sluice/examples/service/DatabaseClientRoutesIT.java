package dev.sluice.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.service.Tables.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The comparison routes on Spring's DatabaseClient answer exactly what the Sluice routes answer. */
class DatabaseClientRoutesIT extends ServiceTestBase {

  byte[] body(String uri) {
    return client().get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
  }

  @Test
  void eachComparisonRouteAnswersTheSameJson() {
    for (String uri : List.of("/users/42", "/users?size=30&after=60", "/users?size=5", "/users/with-posts?size=20&after=90")) {
      assertThat(new String(body("/dc" + uri))).as(uri).isEqualTo(new String(body(uri)));
    }
    client().get().uri("/dc/users/999999999").exchange().expectStatus().isNotFound();
  }

  @Test
  void theComparisonStreamAnswersTheSameRows() {
    List<User> sluice = client().get().uri("/users/stream?limit=400").accept(MediaType.APPLICATION_NDJSON).exchange()
        .returnResult(User.class).getResponseBody().collectList().block(T);
    List<User> dc = client().get().uri("/dc/users/stream?limit=400").accept(MediaType.APPLICATION_NDJSON).exchange()
        .returnResult(User.class).getResponseBody().collectList().block(T);
    assertThat(dc).hasSize(400).isEqualTo(sluice);
  }
}
