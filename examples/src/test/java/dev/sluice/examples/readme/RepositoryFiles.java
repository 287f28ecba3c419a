package dev.sluice.examples.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's root and its files, for tests that read the documentation. */
final class RepositoryFiles {
  private RepositoryFiles() {}

  /** The directory holding {@code mvnw} and {@code README.md}, found upwards from the working directory. */
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("README.md"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  /** Every file under the root whose name ends with {@code suffix}, outside build output and hidden folders. */
  static List<Path> find(Path root, String suffix) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> {
            for (Path part : root.relativize(p)) {
              String s = part.toString();
              if (s.equals("target") || s.startsWith(".") || s.equals("node_modules")) {
                return false;
              }
            }
            return true;
          })
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
