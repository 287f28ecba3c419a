package dev.sluice.spring.boot;

import dev.sluice.Database;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Up when {@code SELECT 1} answers within the timeout ({@code sluice.health.timeout}), down with the
 * error otherwise; the details name the dialect.
 */
public class SluiceHealthIndicator implements ReactiveHealthIndicator {
  private final Database db;
  private final Duration timeout;

  public SluiceHealthIndicator(Database db, Duration timeout) {
    this.db = db;
    this.timeout = timeout;
  }

  @Override
  public Mono<Health> health() {
    String dialect = db.dialect().name();
    return db.sql("SELECT 1").fetch().then()
        .timeout(timeout)
        .then(Mono.fromSupplier(() -> Health.up().withDetail("dialect", dialect).build()))
        .onErrorResume(e -> Mono.just(Health.down(e).withDetail("dialect", dialect)
            .withDetail("timeout", timeout.toString()).build()));
  }
}
