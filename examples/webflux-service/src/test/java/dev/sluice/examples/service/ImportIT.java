package dev.sluice.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The bulk import: an NDJSON body streamed into one multi-row insert, all or nothing. */
class ImportIT extends ServiceTestBase {

  static String lines(String prefix, int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> "{\"email\":\"" + prefix + i + "@import.test\",\"name\":\"Imported " + i + "\"}")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void fiveThousandLinesAreImported() {
    client().post().uri("/users/import").contentType(MediaType.APPLICATION_NDJSON).bodyValue(lines("ok", 5000))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.imported").isEqualTo(5000);
    assertThat(users("ok%@import.test")).isEqualTo(5000);
    assertThat(scalar("SELECT count(*) AS n FROM users WHERE email LIKE 'ok%@import.test' AND version = 1"))
        .as("Sluice set the version of every imported row").isEqualTo(5000);
  }

  @Test
  void anInvalidLineAnywhereIs400AndImportsNothing() {
    String body = lines("bad", 3000) + "{\"email\":\"no-at-sign\",\"name\":\"X\"}\n" + lines("bad-after", 10);
    client().post().uri("/users/import").contentType(MediaType.APPLICATION_NDJSON).bodyValue(body)
        .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("email");
    assertThat(users("bad%@import.test")).as("the rows before the bad line were rolled back").isZero();
    eventually("the import's connection is back in the pool", () -> acquired() == 0);
  }

  @Test
  void aDuplicateLineIs409AndImportsNothing() {
    String body = lines("twice", 2500) + lines("twice", 1);
    client().post().uri("/users/import").contentType(MediaType.APPLICATION_NDJSON).bodyValue(body)
        .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.constraint").isEqualTo("users_email_key");
    assertThat(users("twice%@import.test")).isZero();
  }
}
