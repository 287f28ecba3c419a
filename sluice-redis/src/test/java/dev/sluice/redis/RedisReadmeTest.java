package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.ReadmeRegions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's Redis tour is the region {@code redis-tour} of {@link RedisTourIT}, which runs it
 * against Redis: the block after {@code <!-- redis-snippet: redis-tour -->} must equal the region
 * (common indentation removed). It is a {@code text} block, as the README's compiled {@code java}
 * blocks come from the examples module, which does not depend on this one.
 */
class RedisReadmeTest {
  @Test void theReadmeTourIsTheRegionThatRuns() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String readme = Files.readString(module.getParent().resolve("README.md"));
    String source = Files.readString(module.resolve("src/test/java/dev/sluice/redis/RedisTourIT.java"));
    assertThat(ReadmeRegions.block(readme, "<!-- redis-snippet: redis-tour -->"))
        .isEqualTo(ReadmeRegions.region(source, "redis-tour"));
  }
}
