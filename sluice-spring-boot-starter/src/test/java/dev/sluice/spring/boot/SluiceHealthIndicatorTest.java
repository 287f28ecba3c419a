package dev.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code sluice} health indicator, up on SQLite, down (within its timeout) on a port nobody listens on. */
class SluiceHealthIndicatorTest {
  private static final Duration T = Duration.ofSeconds(30);

  ApplicationContextRunner runner(String url) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, SluiceAutoConfiguration.class,
            SluiceHealthAutoConfiguration.class))
        .withPropertyValues("spring.r2dbc.url=" + url, "sluice.health.timeout=1500ms");
  }

  @Test
  void upWithTheDialect() {
    runner("r2dbc:sqlite:memory:///health_" + UUID.randomUUID().toString().replace("-", "")).run(ctx -> {
      Health h = ctx.getBean(SluiceHealthIndicator.class).health().block(T);
      assertThat(h.getStatus()).isEqualTo(Status.UP);
      assertThat(h.getDetails()).containsEntry("dialect", "sqlite");
    });
  }

  @Test
  void downWhenTheDatabaseDoesNotAnswer() {
    runner("r2dbc:postgresql://postgres@127.0.0.1:1/none").withPropertyValues("sluice.dialect=postgresql").run(ctx -> {
      long start = System.nanoTime();
      Health h = ctx.getBean(SluiceHealthIndicator.class).health().block(T);
      assertThat(h.getStatus()).isEqualTo(Status.DOWN);
      assertThat(h.getDetails()).containsEntry("dialect", "postgresql").containsKey("error");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    });
  }

  @Test
  void switchedOffByManagementHealthSluiceEnabled() {
    runner("r2dbc:sqlite:memory:///health_off").withPropertyValues("management.health.sluice.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(SluiceHealthIndicator.class));
  }
}
