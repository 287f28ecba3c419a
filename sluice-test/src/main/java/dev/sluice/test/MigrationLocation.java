package dev.sluice.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The directory a {@code @SluiceTest(migrations = ...)} location names: {@code classpath:<dir>} on
 * the test class path (a directory of the classes, or inside a jar, read through a zip file system
 * left open for the JVM's life, as Spring Boot's migrations at start-up do; in a jar written without
 * directory entries, the directory holding {@code <dir>/sluice.sum}), else a file system path.
 * A location that is no directory is refused with its name, never read as "no migrations".
 */
final class MigrationLocation {
  static final String CLASSPATH = "classpath:";

  private MigrationLocation() { }

  static Path resolve(String location, ClassLoader loader) {
    if (!location.startsWith(CLASSPATH)) {
      Path dir = Path.of(location).toAbsolutePath();
      return requireDirectory(dir, location);
    }
    String name = location.substring(CLASSPATH.length()).replaceAll("^/+", "").replaceAll("/+$", "");
    URL url = loader.getResource(name);
    boolean bySum = false;
    if (url == null) {   // a jar written without directory entries: the directory's integrity file names it
      url = loader.getResource(name + "/sluice.sum");
      bySum = url != null;
    }
    if (url == null) {
      throw new ExtensionConfigurationException("@SluiceTest migrations not found: " + location
          + " is not on the test class path");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException open) {
          // opened by an earlier class of this JVM: Path.of finds it
        }
      }
      Path found = Path.of(uri);
      return requireDirectory(bySum ? found.getParent() : found, location);
    } catch (URISyntaxException e) {
      throw new ExtensionConfigurationException("@SluiceTest migrations at " + location + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the @SluiceTest migrations at " + location, e);
    }
  }

  private static Path requireDirectory(Path dir, String location) {
    if (!Files.isDirectory(dir)) {
      throw new ExtensionConfigurationException("@SluiceTest migrations not found: " + location + " (" + dir
          + ") is not a directory");
    }
    return dir;
  }
}
