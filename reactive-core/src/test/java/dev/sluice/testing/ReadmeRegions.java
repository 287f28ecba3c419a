package dev.sluice.testing;

import java.util.List;

/**
 * README snippets checked against the code that runs them: a module's test marks a region of its
 * own source with {@code // tag::name[]} ... {@code // end::name[]}, and the README's fenced block
 * after a marker comment ({@code <!-- studio-snippet: studio -->}) must equal that region with the
 * common indentation removed. Used by the studio's and Redis's README tests (through this test-jar).
 *
 * <pre>{@code
 * assertThat(ReadmeRegions.block(readme, "<!-- redis-snippet: redis-tour -->"))
 *     .isEqualTo(ReadmeRegions.region(source, "redis-tour"));
 * }</pre>
 */
public final class ReadmeRegions {
  private ReadmeRegions() { }

  /** The text of the first fenced block after {@code marker}, ending with a newline. */
  public static String block(String markdown, String marker) {
    int at = markdown.indexOf(marker);
    if (at < 0) {
      throw new AssertionError("README marker " + marker + " is missing");
    }
    int open = markdown.indexOf("```", at);
    if (open < 0) {
      throw new AssertionError("no fenced block follows README marker " + marker);
    }
    int start = markdown.indexOf('\n', open) + 1;
    int end = markdown.indexOf("\n```", start);
    if (start <= 0 || end < 0) {
      throw new AssertionError("the fenced block after README marker " + marker + " is not closed");
    }
    return markdown.substring(start, end + 1);
  }

  /** The lines between {@code // tag::name[]} and {@code // end::name[]}, common indentation and trailing blanks removed. */
  public static String region(String source, String name) {
    List<String> lines = source.lines().toList();
    int from = -1;
    int to = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("// tag::" + name + "[]")) {
        from = i + 1;
      }
      if (lines.get(i).strip().equals("// end::" + name + "[]")) {
        to = i;
      }
    }
    if (from < 0 || to < from) {
      throw new AssertionError("region " + name + " (// tag::" + name + "[] ... // end::" + name + "[]) is missing");
    }
    List<String> region = lines.subList(from, to);
    int common = region.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    region.forEach(l -> out.append(l.isBlank() ? "" : l.substring(common).stripTrailing()).append('\n'));
    return out.toString();
  }
}
