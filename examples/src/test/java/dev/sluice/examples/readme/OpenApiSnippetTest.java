package dev.sluice.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's OpenAPI snippet runs, and the YAML the README shows is the part of its output it claims to be. */
class OpenApiSnippetTest {
  @Test
  void theReadmeShowsWhatTheSnippetWrites() {
    String yaml = OpenApiSnippet.yaml();
    String readme = RepositoryFiles.read(RepositoryFiles.root().resolve("README.md"));
    String marker = "<!-- openapi-output -->\n```yaml\n";
    assertThat(readme).contains(marker);
    int start = readme.indexOf(marker) + marker.length();
    String shown = readme.substring(start, readme.indexOf("```\n", start));
    assertThat(yaml).startsWith(shown);
  }
}
