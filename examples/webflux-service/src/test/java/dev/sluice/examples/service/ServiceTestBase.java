package dev.sluice.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running service (a random port) on a PostgreSQL database of this run's own, migrated by the
 * starter at start-up and seeded once with {@value #SEEDED} users ({@code seed<n>@example.com}, ids 1
 * to {@value #SEEDED}); the first {@value #WITH_POSTS} of them have 3 posts each. Every test class
 * extending this shares one application context, so tests that add users use e-mails of their own.
 */
@SpringBootTest(classes = {ServiceApplication.class, ServiceTestBase.Counting.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceTestBase {
  /** A guard against hangs, never a speed assertion: the machine is shared and can be slow. */
  static final Duration T = Duration.ofMinutes(3);
  static final int SEEDED = 100_000;
  static final int WITH_POSTS = 100;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", () -> Url.URL);
    // AbruptCloseIT waits for it; -Dservice.stream.stall-timeout=1h shows what it guards against
    registry.add("service.stream.stall-timeout", () -> System.getProperty("service.stream.stall-timeout", "5s"));
  }

  @LocalServerPort int port;
  @Autowired Database db;
  @Autowired ConnectionFactory connectionFactory;
  @Autowired StatementCounter statements;

  @BeforeAll
  void seedOnce() {
    long seeded = scalar("SELECT count(*) AS n FROM users WHERE email LIKE 'seed%'");
    if (seeded == 0) {
      db.sql("INSERT INTO users (email, name, version, created_at) SELECT 'seed' || g || '@example.com', "
          + "'Seed ' || g, 1, now() FROM generate_series(1, " + SEEDED + ") g").execute().block(T);
      db.sql("INSERT INTO posts (author_id, title) SELECT u, 'post ' || p FROM generate_series(1, " + WITH_POSTS
          + ") u, generate_series(1, 3) p").execute().block(T);
    }
    assertThat(scalar("SELECT max(id) AS n FROM users WHERE email LIKE 'seed%'")).isEqualTo(SEEDED);
  }

  WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(T).build();
  }

  long scalar(String sql) {
    return db.sql(sql).fetch().map(r -> r.get("n", Long.class)).blockFirst(T);
  }

  long users(String emailLike) {
    return db.sql("SELECT count(*) AS n FROM users WHERE email LIKE {0}", emailLike).fetch()
        .map(r -> r.get("n", Long.class)).blockFirst(T);
  }

  /** Connections of Boot's pool handed out now. */
  int acquired() {
    PoolMetrics m = ((ConnectionPool) connectionFactory).getMetrics().orElseThrow();
    return m.acquiredSize();
  }

  /** Waits (at most 60 s) until {@code condition} holds, then asserts it. */
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

  /** This run's database, made once per JVM. */
  private static final class Url {
    static final String URL = ServiceDatabase.fresh("sluice_svc");
  }

  /** Adds the statement counter to the service's {@code Database}. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Counting {
    @Bean
    StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }
}
