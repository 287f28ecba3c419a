package dev.sluice.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.service.Tables.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST and PUT: each in a transaction, 400 on invalid input, 409 on conflicts, and a rollback. */
class WriteRoutesIT extends ServiceTestBase {

  User post(NewUser u) {
    return client().post().uri("/users").bodyValue(u).exchange().expectStatus().isCreated()
        .expectBody(User.class).returnResult().getResponseBody();
  }

  @Test
  void aNewUserIsCreatedWithItsPostsIn201() {
    User u = client().post().uri("/users").bodyValue(new NewUser("ann@write.test", "Ann", List.of("hello", "again")))
        .exchange().expectStatus().isCreated()
        .expectHeader().valueMatches("Location", "/users/\\d+")
        .expectBody(User.class).returnResult().getResponseBody();
    assertThat(u.id()).isNotNull();
    assertThat(u.version()).isEqualTo(1);
    assertThat(u.createdAt()).isNotNull();
    client().get().uri("/users/with-posts?size=1&after=" + (u.id() - 1)).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.items[0].email").isEqualTo("ann@write.test")
        .jsonPath("$.items[0].posts.length()").isEqualTo(2)
        .jsonPath("$.items[0].posts[*].title").value(t -> assertThat(String.valueOf(t)).contains("hello", "again"));
  }

  @Test
  void aDuplicateEmailIs409AndWritesNothing() {
    post(new NewUser("dup@write.test", "First", null));
    client().post().uri("/users").bodyValue(new NewUser("dup@write.test", "Second", null)).exchange()
        .expectStatus().isEqualTo(409).expectBody()
        .jsonPath("$.title").isEqualTo("Duplicate key")
        .jsonPath("$.constraint").isEqualTo("users_email_key");
    assertThat(users("dup@write.test")).isEqualTo(1);
  }

  @Test
  void invalidInputIs400NamingTheFieldAndWritesNothing() {
    client().post().uri("/users").bodyValue(new NewUser("not-an-address", "Bad", null)).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("email");
    client().post().uri("/users").bodyValue(new NewUser("long@write.test", "x".repeat(101), null)).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("name");
    client().post().uri("/users").bodyValue(new NewUser("post@write.test", "P", List.of("ok", " "))).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("posts[1]");
    client().post().uri("/users").header("Content-Type", "application/json").bodyValue("{\"email\":").exchange()
        .expectStatus().isBadRequest();
    assertThat(users("long@write.test") + users("post@write.test") + users("not-an-address")).isZero();
  }

  @Test
  void aFailingPostRollsBackTheUserInsertedBeforeIt() {
    client().post().uri("/users").bodyValue(new NewUser("rollback@write.test", "Roll", List.of("same", "same")))
        .exchange().expectStatus().isEqualTo(409).expectBody()
        .jsonPath("$.constraint").isEqualTo("posts_author_title_key");
    assertThat(users("rollback@write.test")).as("the user's insert was rolled back").isZero();
    eventually("the transaction's connection is back in the pool", () -> acquired() == 0);
  }

  @Test
  void anUpdateAtTheCurrentVersionBumpsItAndAStaleOneIs409() {
    User u = post(new NewUser("put@write.test", "Put", null));
    client().put().uri("/users/" + u.id()).bodyValue(new UserChange("put2@write.test", "Put Two", 1)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.email").isEqualTo("put2@write.test")
        .jsonPath("$.name").isEqualTo("Put Two")
        .jsonPath("$.version").isEqualTo(2);
    client().put().uri("/users/" + u.id()).bodyValue(new UserChange("put3@write.test", "Stale", 1)).exchange()
        .expectStatus().isEqualTo(409).expectBody().jsonPath("$.title").isEqualTo("Conflict");
    Map<String, Object> row = db.sql("SELECT name, version FROM users WHERE id = {0}", u.id()).fetch()
        .map(r -> Map.<String, Object>of("name", r.get("name", String.class), "version", r.get("version", Integer.class)))
        .blockFirst(T);
    assertThat(row).containsEntry("name", "Put Two").containsEntry("version", 2);
  }

  @Test
  void anUpdateOfAnUnknownUserIs404AndToATakenEmailIs409() {
    client().put().uri("/users/999999999").bodyValue(new UserChange("ghost@write.test", "Ghost", 1)).exchange()
        .expectStatus().isNotFound();
    User u = post(new NewUser("taken-by-other@write.test", "Other", null));
    client().put().uri("/users/" + u.id()).bodyValue(new UserChange("seed5@example.com", "Thief", 1)).exchange()
        .expectStatus().isEqualTo(409).expectBody().jsonPath("$.constraint").isEqualTo("users_email_key");
    client().put().uri("/users/" + u.id()).bodyValue(new UserChange("taken-by-other@write.test", "No version", null))
        .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("version");
    assertThat(users("ghost@write.test")).isZero();
    client().get().uri("/users/" + u.id()).exchange().expectBody().jsonPath("$.name").isEqualTo("Other");
  }
}
