package dev.sluice.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The goals on a new SQLite file per test, under {@code target/}. */
class SqliteMojosTest extends MojosContract {
  @Override protected String freshDatabase(String purpose) {
    try {
      Path base = Files.createDirectories(Path.of("target/sqlite-mojos").toAbsolutePath());
      return "r2dbc:sqlite:///" + Files.createTempDirectory(base, purpose + "-").resolve("app.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
