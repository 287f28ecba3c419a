package dev.sluice.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table and tag index of the in-memory cache, without a database. */
class InMemoryQueryCacheTest {
  private static final Duration T = Duration.ofSeconds(5);

  @Test
  void anEntryStoredAgainAfterAnInvalidationIsStillDroppedByTheNextOne() {
    InMemoryQueryCache cache = InMemoryQueryCache.builder().build();
    for (int round = 0; round < 1_000; round++) {
      cache.put("k", TestRows.of(round), Set.of("countries"), Set.of(), null).block(T);
      cache.invalidateTables(Set.of("countries")).block(T);
      assertThat(cache.get("k").blockOptional(T)).as("round %d", round).isEmpty();
    }
  }

  @Test
  void replacingAnEntryKeepsItIndexed() {
    InMemoryQueryCache cache = InMemoryQueryCache.builder().build();
    cache.put("k", TestRows.of(1), Set.of("countries"), Set.of("ref"), null).block(T);
    cache.put("k", TestRows.of(2), Set.of("countries"), Set.of("ref"), null).block(T);
    assertThat(TestRows.values(cache.get("k").block(T), Integer.class)).containsExactly(2);
    cache.invalidateTags(Set.of("ref")).block(T);
    assertThat(cache.get("k").blockOptional(T)).isEmpty();
  }

  @Test
  void aCacheBoundedByRowsEvictsByTheRowsItsEntriesHold() {
    InMemoryQueryCache cache = InMemoryQueryCache.builder().maximumRows(10).build();
    cache.put("big", TestRows.of(1, 2, 3, 4, 5, 6, 7, 8), Set.of("t"), Set.of(), null).block(T);
    cache.put("small", TestRows.of(1, 2, 3), Set.of("t"), Set.of(), null).block(T);
    assertThat(cache.size()).as("8 + 3 rows exceed the bound of 10: one entry goes").isEqualTo(1);
  }

  @Test
  void aBoundOfNoRowsIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InMemoryQueryCache.builder().maximumRows(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maximumRows must be >= 1, was 0");
  }
}
