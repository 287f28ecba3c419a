package dev.sluice;

import dev.sluice.error.QueryTimeoutException;
import dev.sluice.error.SluiceException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** The pool's time limits and {@link QueryTimeout} refuse nonsense and travel as documented. */
class TimeoutOptionsTest {
  @Test
  void poolTimeLimitsMustBePositive() {
    assertThatThrownBy(() -> Database.builder().maxIdleTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIdleTime");
    assertThatThrownBy(() -> Database.builder().maxLifeTime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLifeTime");
  }

  @Test
  void aQueryTimeoutMustBePositive() {
    assertThatThrownBy(() -> QueryTimeout.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueryTimeout.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theInnermostQueryTimeoutWins() {
    assertThat(QueryTimeout.in(Context.empty())).isEmpty();
    Duration seen = Mono.deferContextual(ctx -> Mono.just(QueryTimeout.in(ctx).orElseThrow()))
        .contextWrite(QueryTimeout.of(Duration.ofMillis(200)))
        .contextWrite(QueryTimeout.of(Duration.ofSeconds(5)))
        .block();
    assertThat(seen).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aQueryTimeoutExceptionIsASluiceExceptionWithItsLimitAndSql() {
    QueryTimeoutException e = new QueryTimeoutException(Duration.ofMillis(1500), "SELECT 1");
    assertThat(e).isInstanceOf(SluiceException.class).hasMessageContaining("1500 ms");
    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(e.sql()).isEqualTo("SELECT 1");
  }
}
