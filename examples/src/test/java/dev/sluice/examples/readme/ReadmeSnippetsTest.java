package dev.sluice.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the README is a region of compiled test code, so it cannot drift
 * from the API: the block is preceded by {@code <!-- snippet: name -->} and must equal the lines
 * between {@code // tag::name[]} and {@code // end::name[]} of a Java file under
 * {@code examples/src/test/java} (common indentation removed). Every tagged region is shown.
 */
class ReadmeSnippetsTest {
  private static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([a-z0-9-]+) -->$");
  private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-z0-9-]+)\\[\\]\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// end::([a-z0-9-]+)\\[\\]\\s*$");

  /** A fenced block of the README: its language, its marker (or null), its text and first line. */
  record Block(String language, String snippet, String text, int line) {}

  @Test
  void everyJavaBlockOfTheReadmeIsACompiledRegion() {
    Path root = RepositoryFiles.root();
    Map<String, String> regions = regions(root);
    String readme = RepositoryFiles.read(root.resolve("README.md"));
    String[] lines = readme.split("\n", -1);
    // a block marked <!-- studio-snippet: ... --> is checked against its source by sluice-studio's StudioReadmeIT
    List<Block> java = blocks(readme).stream()
        .filter(b -> b.language().equals("java"))
        .filter(b -> b.line() < 2 || !lines[b.line() - 2].startsWith("<!-- studio-snippet:")).toList();
    assertThat(java).as("java blocks in the README").hasSizeGreaterThan(10);
    List<String> problems = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (Block b : java) {
      if (b.snippet() == null) {
        problems.add("README.md:" + b.line() + ": a java block without <!-- snippet: name --> before it");
      } else if (!regions.containsKey(b.snippet())) {
        problems.add("README.md:" + b.line() + ": no tagged region '" + b.snippet() + "'");
      } else if (!regions.get(b.snippet()).equals(b.text())) {
        problems.add("README.md:" + b.line() + ": block '" + b.snippet() + "' differs from its region:\n"
            + regions.get(b.snippet()));
      } else {
        shown.add(b.snippet());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(shown).as("each region shown once").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(regions.keySet());
  }

  @Test
  void blocksAndRegionsAreReadAsWritten() {
    List<Block> b = blocks("text\n<!-- snippet: a -->\n```java\n  x();\n\ny();\n```\n```bash\nls\n```\n");
    assertThat(b).containsExactly(new Block("java", "a", "  x();\n\ny();\n", 3), new Block("bash", null, "ls\n", 8));
    assertThat(outdent(List.of("    a(", "", "      b);"))).isEqualTo("a(\n\n  b);\n");
  }

  /** The fenced blocks of a Markdown text. */
  static List<Block> blocks(String markdown) {
    List<Block> out = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String marker = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher m = MARKER.matcher(line.strip());
      if (m.matches()) {
        marker = m.group(1);
        continue;
      }
      if (line.startsWith("```")) {
        String language = line.substring(3).strip();
        StringBuilder text = new StringBuilder();
        int start = i + 1;
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          text.append(lines[i]).append('\n');
        }
        out.add(new Block(language, marker, text.toString(), start));
        marker = null;
      } else if (!line.isBlank()) {
        marker = null;
      }
    }
    return out;
  }

  /** Every tagged region of the Java files under examples/src/test/java, outdented. */
  static Map<String, String> regions(Path root) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path p : RepositoryFiles.find(root.resolve("examples/src/test/java"), ".java")) {
      List<String> lines = RepositoryFiles.read(p).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher tag = TAG.matcher(lines.get(i));
        if (!tag.matches()) {
          continue;
        }
        String name = tag.group(1);
        int end = i + 1;
        while (end < lines.size() && !(END.matcher(lines.get(end)).matches()
            && END.matcher(lines.get(end)).replaceAll("$1").equals(name))) {
          end++;
        }
        assertThat(end).as(p + ": // end::" + name + "[]").isLessThan(lines.size());
        assertThat(out.put(name, outdent(lines.subList(i + 1, end)))).as("region " + name + " tagged twice").isNull();
      }
    }
    return out;
  }

  /** The lines with their common leading spaces removed, each ended by a newline. */
  static String outdent(List<String> lines) {
    int common = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isBlank() ? "" : l.substring(common).stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
