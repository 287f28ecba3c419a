package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** reactive-core must never depend on a dialect, a store or a driver. */
class ArchitectureTest {
  private static final Pattern FORBIDDEN = Pattern.compile(
      "^import\\s+(static\\s+)?(dev\\.sluice\\.dialect|dev\\.sluice\\.store|dev\\.sluice\\.migrations"
          + "|dev\\.sluice\\.r2dbc|io\\.r2dbc\\.postgresql|io\\.asyncer|org\\.mariadb|io\\.r2dbc\\.mssql"
          + "|oracle\\.r2dbc|io\\.r2dbc\\.h2|org\\.sqlite|org\\.h2|com\\.mongodb|io\\.lettuce|java\\.sql)\\b.*",
      Pattern.MULTILINE);

  @Test
  void coreImportsNoDialectDriverOrStore() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    List<String> offences = new ArrayList<>();
    int files;
    try (Stream<Path> all = Files.walk(main)) {
      List<Path> sources = all.filter(p -> p.toString().endsWith(".java")).toList();
      files = sources.size();
      for (Path p : sources) {
        var m = FORBIDDEN.matcher(Files.readString(p));
        while (m.find()) {
          offences.add(main.relativize(p) + ": " + m.group());
        }
      }
    }
    assertThat(files).as("sources scanned").isGreaterThan(40);
    assertThat(offences).isEmpty();
  }

  @Test
  void noThreadLocalsInCore() throws IOException {
    try (Stream<Path> all = Files.walk(Path.of("src/main/java"))) {
      assertThat(all.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("ThreadLocal");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).toList()).isEmpty();
    }
  }
}
