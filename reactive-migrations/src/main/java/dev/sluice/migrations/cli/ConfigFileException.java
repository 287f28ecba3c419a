package dev.sluice.migrations.cli;

import java.nio.file.Path;

/**
 * A config file that cannot be used: malformed YAML, an unknown key, a key given twice, a value
 * that is a map. The message names the file and, where known, the line; the CLI exits with code 2.
 */
public final class ConfigFileException extends IllegalArgumentException {
  private final transient Path file;
  private final int line;

  ConfigFileException(Path file, int line, String problem, Throwable cause) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  /** The config file. */
  public Path file() { return file; }

  /** The 1-based line of the problem, or 0 when it has none (a properties file). */
  public int line() { return line; }
}
