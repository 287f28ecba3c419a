package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import java.util.List;

/** Applied migrations were edited afterwards (their {@code up.sql} no longer has the recorded checksum); nothing ran. */
public final class ChecksumMismatchException extends MigrationException {
  private final transient List<String> migrations;

  public ChecksumMismatchException(List<String> migrations) {
    super("Applied migrations were changed after they ran (checksum mismatch), nothing was applied: " + migrations
        + ". Restore their up.sql, or write a new migration for the change.");
    this.migrations = List.copyOf(migrations);
  }

  /** The changed migrations. */
  public List<String> migrations() { return migrations; }
}
