package dev.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The README-region helper other modules' README tests share. */
class ReadmeRegionsTest {
  static final String README = "intro\n<!-- x-snippet: demo -->\n```java\nint a = 1;\n  a++;\n```\nafter\n";
  static final String SOURCE = "class T {\n  void m() {\n    // tag::demo[]\n    int a = 1;\n      a++;   \n\n"
      + "    // end::demo[]\n  }\n}\n";

  @Test
  void theBlockAfterTheMarkerEqualsTheRegionWithoutItsCommonIndentation() {
    assertThat(ReadmeRegions.block(README, "<!-- x-snippet: demo -->")).isEqualTo("int a = 1;\n  a++;\n");
    assertThat(ReadmeRegions.region(SOURCE, "demo")).isEqualTo("int a = 1;\n  a++;\n\n");
  }

  @Test
  void aMissingMarkerOrRegionFailsNamingIt() {
    assertThatThrownBy(() -> ReadmeRegions.block(README, "<!-- x-snippet: other -->"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("x-snippet: other");
    assertThatThrownBy(() -> ReadmeRegions.region(SOURCE, "other"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("tag::other[]");
  }
}
