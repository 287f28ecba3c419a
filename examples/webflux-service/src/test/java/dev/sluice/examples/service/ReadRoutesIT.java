package dev.sluice.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.service.Tables.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** GET by id, keyset and offset pages, and users with their posts in two statements. */
class ReadRoutesIT extends ServiceTestBase {

  @Test
  void aUserIsFoundByIdAndAnUnknownIdIs404() {
    client().get().uri("/users/42").exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.id").isEqualTo(42)
        .jsonPath("$.email").isEqualTo("seed42@example.com")
        .jsonPath("$.version").isEqualTo(1);
    client().get().uri("/users/999999999").exchange().expectStatus().isNotFound();
  }

  @Test
  void keysetPagesWalkTheFirstThousandUsersWithoutGapsOrRepeats() {
    List<Long> seen = new ArrayList<>();
    Long after = null;
    for (int page = 0; page < 10; page++) {
      Keyset<User> k = client().get().uri(after == null ? "/users?size=100" : "/users?size=100&after=" + after)
          .exchange().expectStatus().isOk()
          .expectBody(new ParameterizedTypeReference<Keyset<User>>() {}).returnResult().getResponseBody();
      assertThat(k.items()).hasSize(100);
      k.items().forEach(u -> seen.add(u.id()));
      after = k.next();
      assertThat(after).isEqualTo(k.items().get(99).id());
    }
    assertThat(seen).hasSize(1000).doesNotHaveDuplicates().isSorted();
    assertThat(seen.get(0)).isEqualTo(1L);
    assertThat(seen.get(999)).isEqualTo(1000L);
  }

  @Test
  void theLastKeysetPageHasNoNextKey() {
    long max = scalar("SELECT max(id) AS n FROM users");
    client().get().uri("/users?size=500&after=" + (max - 3)).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.items.length()").isEqualTo(3)
        .jsonPath("$.items[0].id").isEqualTo((int) max - 2)
        .jsonPath("$.next").doesNotExist();
  }

  @Test
  void anOffsetPageCarriesItsTotal() {
    long total = scalar("SELECT count(*) AS n FROM users");
    client().get().uri("/users/pages?page=2&size=10").exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.items.length()").isEqualTo(10)
        .jsonPath("$.items[0].id").isEqualTo(21)
        .jsonPath("$.page").isEqualTo(2)
        .jsonPath("$.total").isEqualTo((int) total)
        .jsonPath("$.hasNext").isEqualTo(true);
  }

  @Test
  void aPageSizeOutOfRangeIs400NamingTheParameter() {
    client().get().uri("/users?size=0").exchange().expectStatus().isBadRequest().expectBody()
        .jsonPath("$.field").isEqualTo("size");
    client().get().uri("/users/pages?page=-1").exchange().expectStatus().isBadRequest().expectBody()
        .jsonPath("$.field").isEqualTo("page");
  }

  @Test
  void usersWithTheirPostsTakeTwoStatementsForFiftyUsers() {
    statements.reset();
    client().get().uri("/users/with-posts?size=50&after=70").exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.items.length()").isEqualTo(50)
        .jsonPath("$.items[0].id").isEqualTo(71)
        .jsonPath("$.items[0].posts.length()").isEqualTo(3)
        .jsonPath("$.items[29].id").isEqualTo(100)
        .jsonPath("$.items[29].posts.length()").isEqualTo(3)
        .jsonPath("$.items[30].posts.length()").isEqualTo(0)
        .jsonPath("$.next").isEqualTo(120);
    assertThat(statements.count()).as("one for the users, one for all their posts").isEqualTo(2);
  }
}
