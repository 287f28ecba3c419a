package dev.sluice.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Core registers no outside-transaction source of its own: without sluice-spring, none is found. */
class ConnectionSourceDetectTest {
  @Test
  void withoutAProviderOnTheClassPathDetectFindsNone() {
    assertThat(ConnectionSource.detect()).isSameAs(ConnectionSource.NONE);
  }
}
