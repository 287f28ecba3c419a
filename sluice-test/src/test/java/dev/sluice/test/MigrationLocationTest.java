package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code @SluiceTest(migrations = ...)} finds its directory: the class path (directories and jars) or the file system. */
class MigrationLocationTest {
  @TempDir Path tmp;

  /** A jar with the migrations under {@code db/in-jar}, with directory entries (as Maven writes them) or without. */
  private Path jar(String name, boolean directoryEntries) throws Exception {
    Path jar = tmp.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      if (directoryEntries) {
        for (String d : new String[] {"db/", "db/in-jar/", "db/in-jar/20260101000000_init/"}) {
          out.putNextEntry(new JarEntry(d));
          out.closeEntry();
        }
      }
      out.putNextEntry(new JarEntry("db/in-jar/sluice.sum"));
      out.write("total 00\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new JarEntry("db/in-jar/20260101000000_init/up.sql"));
      out.write("CREATE TABLE t (id INT);\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void aClasspathDirectoryInsideAJarIsReadThroughItsFileSystem() throws Exception {
    for (boolean entries : new boolean[] {true, false}) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {jar("m-" + entries + ".jar", entries).toUri().toURL()}, null)) {
        Path dir = MigrationLocation.resolve("classpath:/db/in-jar/", loader);
        assertThat(dir.toUri().getScheme()).as("directory entries: " + entries).isEqualTo("jar");
        assertThat(Files.readString(dir.resolve("20260101000000_init/up.sql"))).isEqualTo("CREATE TABLE t (id INT);\n");
        assertThat(MigrationLocation.resolve("classpath:db/in-jar", loader)).as("again: the file system is open")
            .isEqualTo(dir);
      }
    }
  }

  @Test
  void aClasspathDirectoryOfTheTestClassesIsAPlainPath() {
    Path dir = MigrationLocation.resolve("classpath:db/sluice-test-migrations", getClass().getClassLoader());
    assertThat(dir.resolve("20260101000000_notes/up.sql")).exists();
  }

  @Test
  void aFileSystemPathIsTakenFromTheWorkingDirectoryAndMustBeADirectory() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("migrations"));
    assertThat(MigrationLocation.resolve(dir.toString(), getClass().getClassLoader())).isEqualTo(dir.toAbsolutePath());
    Path file = Files.writeString(tmp.resolve("up.sql"), "SELECT 1;\n");
    assertThatThrownBy(() -> MigrationLocation.resolve(file.toString(), getClass().getClassLoader()))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@SluiceTest migrations not found: " + file + " (" + file.toAbsolutePath() + ") is not a directory");
    assertThatThrownBy(() -> MigrationLocation.resolve("classpath:db/sluice-test-migrations/sluice.sum",
            getClass().getClassLoader()))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("@SluiceTest migrations not found: classpath:db/sluice-test-migrations/sluice.sum (")
        .hasMessageEndingWith(") is not a directory");
  }
}
