package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(block(readme, "<!-- redis-snippet: redis-tour -->")).isEqualTo(region(source, "redis-tour"));
  }

  static String block(String markdown, String marker) {
    int at = markdown.indexOf(marker);
    assertThat(at).as("README marker " + marker).isNotNegative();
    int open = markdown.indexOf("```", at);
    int start = markdown.indexOf('\n', open) + 1;
    int end = markdown.indexOf("\n```", start);
    return markdown.substring(start, end + 1);
  }

  static String region(String source, String name) {
    List<String> lines = source.lines().toList();
    int from = -1;
    int to = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("// tag::" + name + "[]")) from = i + 1;
      if (lines.get(i).strip().equals("// end::" + name + "[]")) to = i;
    }
    assertThat(from).as("tag " + name).isPositive();
    List<String> region = lines.subList(from, to);
    int common = region.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    region.forEach(l -> out.append(l.isBlank() ? "" : l.substring(common).stripTrailing()).append('\n'));
    return out.toString();
  }
}
