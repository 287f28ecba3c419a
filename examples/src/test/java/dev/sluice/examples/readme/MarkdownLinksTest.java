package dev.sluice.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every link in every Markdown file of the repository points to a file or folder inside it: a
 * relative link is resolved against the file that holds it and must exist; absolute paths, links
 * that climb out of the repository and web links ({@code http:}, {@code https:}, {@code mailto:},
 * ...) are refused, so the documentation cannot lean on anything that is not part of the project.
 */
class MarkdownLinksTest {
  /** Inline links and images: {@code [text](target)} and {@code ![alt](target "title")}. */
  private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  /** Reference definitions: {@code [label]: target}. */
  private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s|$)");
  /** Autolinks and bare web addresses. */
  private static final Pattern WEB = Pattern.compile("<?\\b(?:https?|ftp)://[^\\s)>]+");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```");

  @Test
  void everyMarkdownLinkPointsInsideTheRepository() {
    Path root = RepositoryFiles.root();
    List<Path> docs = RepositoryFiles.find(root, ".md");
    assertThat(docs).as("Markdown files found").contains(root.resolve("README.md"),
        root.resolve("docs/ARCHITECTURE.md"));
    List<String> problems = new ArrayList<>();
    int links = 0;
    for (Path doc : docs) {
      String text = FENCE.matcher(RepositoryFiles.read(doc)).replaceAll("");
      String name = root.relativize(doc).toString();
      for (String target : targets(text)) {
        links++;
        String problem = check(root, doc, target);
        if (problem != null) {
          problems.add(name + ": (" + target + ") " + problem);
        }
      }
      Matcher web = WEB.matcher(text);
      while (web.find()) {
        problems.add(name + ": " + web.group() + " is a web address; link to a file of the repository");
      }
    }
    assertThat(links).as("links checked").isGreaterThan(5);
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckRefusesWhatItShould() {
    Path root = RepositoryFiles.root();
    Path readme = root.resolve("README.md");
    assertThat(check(root, readme, "docs/ARCHITECTURE.md")).isNull();
    assertThat(check(root, readme, "docs/ARCHITECTURE.md#modules")).isNull();
    assertThat(check(root, readme, "#set-up")).isNull();
    assertThat(check(root, readme, "reactive-core/src/main/java")).isNull();
    assertThat(check(root, root.resolve("benchmarks/README.md"), "../README.md")).isNull();
    assertThat(check(root, readme, "../shared/design/ARCHITECTURE.md")).contains("outside the repository");
    assertThat(check(root, readme, "docs/NOPE.md")).contains("does not exist");
    assertThat(check(root, readme, "https://example.org/")).contains("outside the repository");
    assertThat(check(root, readme, "/etc/passwd")).contains("outside the repository");
    assertThat(targets("see [a](docs/A.md \"t\"), ![b](<img.png>) and\n[c]: ../x.md\n"))
        .containsExactly("docs/A.md", "img.png", "../x.md");
    assertThat(WEB.matcher("at <https://example.org> or http://x.io/y").results().count()).isEqualTo(2);
  }

  private static List<String> targets(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = INLINE.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    m = REFERENCE.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Null when {@code target}, linked from {@code doc}, names something inside the repository. */
  static String check(Path root, Path doc, String target) {
    if (target.isEmpty()) {
      return "is empty";
    }
    if (SCHEME.matcher(target).find() || target.startsWith("//") || target.startsWith("/")) {
      return "is outside the repository";
    }
    String path = target.replaceFirst("[#?].*$", "");
    if (path.isEmpty()) {
      return null; // an anchor in the same file
    }
    Path resolved = doc.getParent().resolve(path).normalize();
    if (!resolved.startsWith(root)) {
      return "is outside the repository";
    }
    return Files.exists(resolved) ? null : "does not exist";
  }
}
