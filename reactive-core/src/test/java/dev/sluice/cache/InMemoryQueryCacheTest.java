package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table and tag index of the in-memory cache, without a database. */
class InMemoryQueryCacheTest {
  private static final Duration T = Duration.ofSeconds(5);

  @Test
  void anEntryStoredAgainAfterAnInvalidationIsStillDroppedByTheNextOne() {
    InMemoryQueryCache cache = InMemoryQueryCache.builder().build();
    for (int round = 0; round < 1_000; round++) {
      cache.put("k", List.of(round), Set.of("countries"), Set.of(), null).block(T);
      cache.invalidateTables(Set.of("countries")).block(T);
      assertThat(cache.get("k").blockOptional(T)).as("round %d", round).isEmpty();
    }
  }

  @Test
  void replacingAnEntryKeepsItIndexed() {
    InMemoryQueryCache cache = InMemoryQueryCache.builder().build();
    cache.put("k", List.of(1), Set.of("countries"), Set.of("ref"), null).block(T);
    cache.put("k", List.of(2), Set.of("countries"), Set.of("ref"), null).block(T);
    assertThat(cache.get("k").block(T)).containsExactly(2);
    cache.invalidateTags(Set.of("ref")).block(T);
    assertThat(cache.get("k").blockOptional(T)).isEmpty();
  }
}
