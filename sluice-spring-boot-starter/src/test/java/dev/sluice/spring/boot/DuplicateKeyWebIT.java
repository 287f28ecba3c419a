package dev.sluice.spring.boot;

import static dev.sluice.spring.boot.Accounts.ACCOUNTS;
import static dev.sluice.spring.boot.Accounts.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.query.Page;
import dev.sluice.spring.boot.Accounts.Account;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application on the starter (SQLite file): a duplicate POST reaches an ordinary
 * {@code @RestControllerAdvice} for {@link DuplicateKeyException} and becomes 409, and a
 * {@code Mono<Page<T>>} is written with {@code totalPages} and {@code hasNext}.
 */
@SpringBootTest(classes = DuplicateKeyWebIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.main.web-application-type=reactive")
class DuplicateKeyWebIT {
  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", () -> "r2dbc:sqlite:////" + dir.resolve("web.db").toAbsolutePath().toString().substring(1));
  }

  @LocalServerPort int port;
  @Autowired Database db;

  WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void aDuplicateInsertIsDuplicateKeyExceptionInTheControllerAdviceAnd409() {
    client().post().uri("/accounts").bodyValue(new Account(null, "dup@x", null, 1)).exchange()
        .expectStatus().isCreated();
    client().post().uri("/accounts").bodyValue(new Account(null, "dup@x", null, 2)).exchange()
        .expectStatus().isEqualTo(HttpStatus.CONFLICT)
        .expectBody()
        .jsonPath("$.title").isEqualTo("Duplicate key")
        .jsonPath("$.cause").isEqualTo("UniqueViolationException");
    assertThat(db.selectFrom(ACCOUNTS).fetch().filter(a -> a.email().equals("dup@x")).count().block(Duration.ofSeconds(30)))
        .isEqualTo(1L);
  }

  @Test
  void aPageIsWrittenWithTotalPagesAndHasNext() {
    for (String e : new String[] {"p1@x", "p2@x", "p3@x"}) {
      client().post().uri("/accounts").bodyValue(new Account(null, e, null, 1)).exchange().expectStatus().isCreated();
    }
    client().get().uri("/accounts?page=0&size=2").exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.items.length()").isEqualTo(2)
        .jsonPath("$.page").isEqualTo(0)
        .jsonPath("$.size").isEqualTo(2)
        .jsonPath("$.total").value(t -> assertThat(((Number) t).longValue()).isGreaterThanOrEqualTo(3))
        .jsonPath("$.totalPages").value(t -> assertThat(((Number) t).intValue()).isGreaterThanOrEqualTo(2))
        .jsonPath("$.hasNext").isEqualTo(true);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import({AccountsController.class, ConflictAdvice.class})
  static class App {
    @Bean
    InitializingBean schema(Database db) {
      return () -> db.createTables(OWNERS, ACCOUNTS).block(Duration.ofSeconds(30));
    }
  }

  @RestController
  static class AccountsController {
    private final Database db;

    AccountsController(Database db) { this.db = db; }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Long> create(@RequestBody Account account) {
      return db.insertInto(ACCOUNTS).values(account).execute().onErrorMap(SpringErrors::translate);
    }

    @GetMapping("/accounts")
    Mono<Page<Account>> page(@RequestParam int page, @RequestParam int size) {
      return db.selectFrom(ACCOUNTS).orderBy(ACCOUNTS.id).paginate(page, size);
    }
  }

  @RestControllerAdvice
  static class ConflictAdvice {
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail conflict(DuplicateKeyException e) {
      ProblemDetail p = ProblemDetail.forStatus(HttpStatus.CONFLICT);
      p.setTitle("Duplicate key");
      p.setProperty("cause", e.getCause().getClass().getSimpleName());
      return p;
    }
  }
}
