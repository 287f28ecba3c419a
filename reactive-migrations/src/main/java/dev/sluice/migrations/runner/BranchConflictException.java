package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import java.util.List;

/**
 * Migrations were generated on two branches from the same parent, or merged so that a migration
 * no longer follows the one it was generated after: applying them would run two diffs of the same
 * schema. Nothing ran. Regenerate one branch's migration on top of the other's, or allow it with
 * {@link Migrator.Builder#allowConflicts()}.
 */
public final class BranchConflictException extends MigrationException {
  private final transient List<String> conflicts;

  public BranchConflictException(List<String> conflicts) {
    super("Branch conflicts in the migrations, nothing was run: " + String.join("; ", conflicts)
        + ". Delete one branch's migration, run `sluice rehash`, and generate it again on top of the other.");
    this.conflicts = List.copyOf(conflicts);
  }

  /** The conflicts, one line each, naming the migrations. */
  public List<String> conflicts() { return conflicts; }
}
