package dev.sluice.migrations.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Compiled classes outside the CLI's own jar (schema classes, Java migrations, seeders): the
 * directories and jars of a class path string, loaded by a child {@link URLClassLoader} that is
 * closed when the work is done. Used by the CLI's {@code --classpath} and the Maven plugin.
 *
 * <pre>{@code
 * int n = ClassPath.with("target/classes:lib/app.jar", getClass().getClassLoader(),
 *     loader -> PackageScanner.classes("com.acme.migrations", loader).size());
 * }</pre>
 */
public final class ClassPath {
  private ClassPath() { }

  /**
   * Runs {@code work} with a loader over {@code entries} (separated by the platform's path
   * separator, {@code ':'} or {@code ';'}) whose parent is {@code parent}; with no entries (null or
   * blank) it is {@code parent} itself. An entry that does not exist is an
   * {@link IllegalArgumentException} naming it, before anything is loaded.
   */
  public static <T> T with(String entries, ClassLoader parent, Function<ClassLoader, T> work) {
    List<URL> urls = urls(entries);
    if (urls.isEmpty()) {
      return work.apply(parent);
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), parent)) {
      return work.apply(loader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the class loader of " + entries, e);
    }
  }

  /** The entries as URLs, each checked to exist. */
  static List<URL> urls(String entries) {
    List<URL> urls = new ArrayList<>();
    if (entries == null || entries.isBlank()) {
      return urls;
    }
    for (String p : entries.split(File.pathSeparator)) {
      if (p.isBlank()) {
        continue;
      }
      Path path = Path.of(p.strip()).toAbsolutePath();
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("Class path entry not found: " + path);
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("Not a class path entry: " + p, e);
      }
    }
    return urls;
  }
}
