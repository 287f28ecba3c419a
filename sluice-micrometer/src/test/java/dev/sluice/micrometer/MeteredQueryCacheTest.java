package dev.sluice.micrometer;

import static dev.sluice.testing.Schema.COUNTRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.cache.InMemoryQueryCache;
import dev.sluice.testing.Country;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hits, misses, puts and invalidations of a real query cache on SQLite, counted. */
class MeteredQueryCacheTest {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir Path dir;

  @Test
  void hitsMissesAndInvalidationsAreCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Database db = Database.builder().url("r2dbc:sqlite:///" + dir.resolve("m.db"))
        .cache(MeteredQueryCache.of(InMemoryQueryCache.builder().build(), meters, "orders")).build();
    try {
      db.createTables(COUNTRIES).block(T);
      for (int i = 0; i < 3; i++) {
        db.selectFrom(COUNTRIES).cached(Duration.ofMinutes(1)).list().block(T);
      }
      db.insertInto(COUNTRIES).values(new Country(null, "a")).execute().block(T);
      db.selectFrom(COUNTRIES).cached(Duration.ofMinutes(1)).list().block(T);
      db.invalidateTags("x").block(T);
      assertThat(meters.get("sluice.cache.requests").tag("result", "miss").counter().count()).isEqualTo(2);
      assertThat(meters.get("sluice.cache.requests").tag("result", "hit").counter().count()).isEqualTo(2);
      assertThat(meters.get("sluice.cache.puts").counter().count()).isEqualTo(2);
      assertThat(meters.get("sluice.cache.invalidations").tag("by", "table").counter().count()).isEqualTo(1);
      assertThat(meters.get("sluice.cache.invalidations").tag("by", "tag").tag("db.name", "orders").counter().count())
          .isEqualTo(1);
    } finally {
      db.close().block(T);
    }
  }
}
