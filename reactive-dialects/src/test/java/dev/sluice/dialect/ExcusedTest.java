package dev.sluice.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@link Excused} in the dialect tests (nested contract classes included) names a test its class really has. */
class ExcusedTest {
  @Test
  void everyExcuseNamesAnExistingTest() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(Excused.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classes;
    try (Stream<Path> files = Files.walk(root.resolve("dev/sluice/dialect"))) {
      classes = files.map(f -> root.relativize(f).toString())
          .filter(f -> f.endsWith(".class") && !f.matches(".*\\$\\d.*") && !f.contains("ExcusedTest$"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
    }
    List<String> problems = new ArrayList<>();
    int excuses = 0;
    for (String name : classes) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      excuses += type.getAnnotationsByType(Excused.class).length;
      String missing = Excused.Condition.missingTests(type);
      if (missing != null) {
        problems.add(missing);
      }
    }
    assertThat(excuses).as("excuses found (the scan works)").isPositive();
    assertThat(problems).isEmpty();
  }

  @Excused(test = "noSuchTest", reason = "a deliberately wrong excuse")
  static final class Wrong {
    void realTest() { }
  }

  @Test
  void anExcuseNamingNoTestIsReported() {
    assertThat(Excused.Condition.missingTests(Wrong.class)).contains("noSuchTest");
    assertThat(Excused.Condition.missingTests(ExcusedTest.class)).isNull();
  }
}
