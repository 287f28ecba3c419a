package dev.sluice.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.reactive.TransactionContextManager;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** The Spring source without a database; joining itself is proven by the SpringTransactionContract ITs. */
class SpringConnectionSourceTest {
  private final SpringConnectionSource source = new SpringConnectionSource();
  private final ConnectionFactory nowhere = (ConnectionFactory) java.lang.reflect.Proxy.newProxyInstance(
      ConnectionFactory.class.getClassLoader(), new Class<?>[] {ConnectionFactory.class}, (p, m, a) -> {
        throw new AssertionError("must not connect: " + m.getName());
      });

  @Test
  void onlyAContextWithSpringsTransactionContextMayHoldATransaction() {
    assertThat(source.mayHaveTransaction(Context.empty())).isFalse();
    assertThat(source.mayHaveTransaction(Context.of("other", 1))).isFalse();
    assertThat(source.mayHaveTransaction(TransactionContextManager.createTransactionContext().apply(Context.empty())))
        .isTrue();
  }

  @Test
  void noConnectionWithoutAnActualTransaction() {
    assertThat(source.join(nowhere).blockOptional(Duration.ofSeconds(5))).isEmpty();
    assertThat(source.join(nowhere)
        .contextWrite(TransactionContextManager.createTransactionContext())
        .blockOptional(Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void serviceLoaderFindsItWhenThisModuleIsOnTheClassPath() {
    assertThat(dev.sluice.spi.ConnectionSource.detect()).isInstanceOf(SpringConnectionSource.class);
  }

  @Test
  void anOlderSpringIsRefusedLoudly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringConnectionSource("5.3.39"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Spring Framework 6 or later, found 5.3.39");
    assertThat(new SpringConnectionSource("7.0.9")).isNotNull();
    assertThat(new SpringConnectionSource(null)).isNotNull();
  }
}
