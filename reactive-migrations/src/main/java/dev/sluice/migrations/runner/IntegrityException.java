package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import java.util.List;

/**
 * The migrations directory no longer matches its integrity file {@code sluice.sum}: a migration was
 * edited, added or removed by hand, or the file was merged without being rewritten. Nothing ran.
 * Deliberate hand edits are accepted with {@link Migrator#rehash()} ({@code sluice rehash}).
 */
public final class IntegrityException extends MigrationException {
  private final transient List<String> differences;

  public IntegrityException(List<String> differences) {
    super("The migrations directory does not match " + SumFile.FILE_NAME + ", nothing was run: "
        + String.join("; ", differences) + ". If these edits are deliberate, run `sluice rehash`.");
    this.differences = List.copyOf(differences);
  }

  /** What differs, one line each, naming the migration or the file. */
  public List<String> differences() { return differences; }
}
