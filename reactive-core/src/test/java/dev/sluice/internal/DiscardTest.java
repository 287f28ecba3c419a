package dev.sluice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A connection whose stream was cancelled mid-way goes back to the pool (the pooled wrapper closed,
 * the physical connection kept) only when it answers a round trip in time; otherwise its physical
 * connection is closed first, so the pool replaces it.
 */
class DiscardTest {
  private static final Duration SETTLE = Duration.ofMillis(200);

  /** What was closed, in order: "physical" and/or "pooled". */
  private final List<String> closed = new ArrayList<>();

  private Connection physical() {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, m, args) -> switch (m.getName()) {
          case "close" -> Mono.fromRunnable(() -> closed.add("physical"));
          case "toString" -> "physical";
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  /** A pooled connection over {@link #physical()} whose remote validation answers {@code answer}. */
  private Connection pooled(Mono<Boolean> answer) {
    Connection inner = physical();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class, Wrapped.class},
        (proxy, m, args) -> switch (m.getName()) {
          case "validate" -> {
            assertThat(args[0]).isEqualTo(ValidationDepth.REMOTE);
            yield answer;
          }
          case "close" -> Mono.fromRunnable(() -> closed.add("pooled"));
          case "unwrap" -> inner;
          case "toString" -> "pooled";
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  @Test
  void aConnectionThatAnswersGoesBackToThePoolWhole() {
    Discard.afterCancel(pooled(Mono.just(true)), SETTLE).block(Duration.ofSeconds(5));
    assertThat(closed).containsExactly("pooled");
  }

  @Test
  void aConnectionThatFailsValidationIsClosedBeforeItIsGivenBack() {
    Discard.afterCancel(pooled(Mono.just(false)), SETTLE).block(Duration.ofSeconds(5));
    assertThat(closed).containsExactly("physical", "pooled");
  }

  @Test
  void aConnectionThatNeverAnswersIsClosedAfterTheSettleTime() {
    Discard.afterCancel(pooled(Mono.never()), SETTLE).block(Duration.ofSeconds(5));
    assertThat(closed).containsExactly("physical", "pooled");
  }

  @Test
  void aValidationErrorCountsAsNoAnswer() {
    Discard.afterCancel(pooled(Mono.error(new IllegalStateException("broken pipe"))), SETTLE)
        .block(Duration.ofSeconds(5));
    assertThat(closed).containsExactly("physical", "pooled");
  }
}
