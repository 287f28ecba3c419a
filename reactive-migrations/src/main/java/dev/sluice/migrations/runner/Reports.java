package dev.sluice.migrations.runner;

import dev.sluice.migrations.diff.DataLossLint;
import dev.sluice.migrations.diff.MigrationPlan;
import java.util.List;

/** The results of the {@link Migrator}'s commands. */
public final class Reports {
  private Reports() { }

  /** A migration that ran: its name, how long it took and how many statements it had. */
  public record Applied(String name, long durationMs, int statements) { }

  /**
   * What {@link Migrator#migrate()} or {@link Migrator#migrateTo(String)} did.
   *
   * @param applied     the versioned migrations (SQL and Java) applied by this run, in order
   * @param skipped     migrations another runner applied while this one waited
   * @param warnings    out-of-order migrations applied, and similar notes
   * @param repeatables the repeatable migrations run because they were new or changed, in order
   */
  public record MigrateReport(List<Applied> applied, List<String> skipped, List<String> warnings,
                              List<Applied> repeatables) {
    public MigrateReport {
      applied = List.copyOf(applied);
      skipped = List.copyOf(skipped);
      warnings = List.copyOf(warnings);
      repeatables = List.copyOf(repeatables);
    }

    /** A report without repeatable migrations. */
    public MigrateReport(List<Applied> applied, List<String> skipped, List<String> warnings) {
      this(applied, skipped, warnings, List.of());
    }
  }

  /**
   * What {@link Migrator#refresh()} did: everything undone, then everything applied again.
   *
   * @param rolledBack the repeatable and versioned migrations undone, in the order they were
   * @param migrated   the run that applied them all again
   */
  public record RefreshReport(List<Applied> rolledBack, MigrateReport migrated) {
    public RefreshReport {
      rolledBack = List.copyOf(rolledBack);
    }
  }

  /**
   * What {@link Migrator#status()} found.
   *
   * @param applied the applied migrations whose file is unchanged
   * @param pending the migrations not applied yet, in the order {@code migrate} would run them
   * @param changed the applied migrations whose {@code up.sql} changed since (checksum mismatch)
   * @param missing the applied migrations whose directory is gone
   * @param failed  migrations recorded as failed partway (non-transactional DDL), to repair
   * @param repeatablesDue the repeatable migrations that the next full {@code migrate} runs (new or changed)
   * @param baselined the migrations recorded by {@link Migrator#baseline} (never run by Sluice), unchanged; not in {@code applied}
   */
  public record StatusReport(List<String> applied, List<String> pending, List<String> changed, List<String> missing,
                             List<String> failed, List<String> repeatablesDue, List<String> baselined) {
    public StatusReport {
      baselined = List.copyOf(baselined);
      applied = List.copyOf(applied);
      pending = List.copyOf(pending);
      changed = List.copyOf(changed);
      missing = List.copyOf(missing);
      failed = List.copyOf(failed);
      repeatablesDue = List.copyOf(repeatablesDue);
    }

    /** A status without baselined migrations. */
    public StatusReport(List<String> applied, List<String> pending, List<String> changed, List<String> missing,
        List<String> failed, List<String> repeatablesDue) {
      this(applied, pending, changed, missing, failed, repeatablesDue, List.of());
    }

    /** A status without repeatable migrations. */
    public StatusReport(List<String> applied, List<String> pending, List<String> changed, List<String> missing,
        List<String> failed) {
      this(applied, pending, changed, missing, failed, List.of());
    }
  }

  /**
   * What {@link Migrator#check()} found; {@link #ok()} when nothing.
   *
   * @param integrity     where the directory and {@code sluice.sum} differ
   * @param sharedParents migrations generated from one parent on different branches
   * @param misplaced     migrations that do not follow their parent in name order
   * @param changed       applied migrations whose {@code up.sql} changed since (empty without a database)
   * @param missing       applied migrations whose directory is gone (empty without a database)
   * @param failed        migrations recorded as failed partway (empty without a database)
   * @param outOfOrder    pending migrations older than the newest applied one (empty without a database)
   */
  public record CheckReport(List<String> integrity, List<String> sharedParents, List<String> misplaced,
                            List<String> changed, List<String> missing, List<String> failed, List<String> outOfOrder) {
    public CheckReport {
      integrity = List.copyOf(integrity);
      sharedParents = List.copyOf(sharedParents);
      misplaced = List.copyOf(misplaced);
      changed = List.copyOf(changed);
      missing = List.copyOf(missing);
      failed = List.copyOf(failed);
      outOfOrder = List.copyOf(outOfOrder);
    }

    /** The branch conflicts: shared parents, then misplaced migrations. */
    public List<String> conflicts() {
      List<String> all = new java.util.ArrayList<>(sharedParents);
      all.addAll(misplaced);
      return List.copyOf(all);
    }

    /** True when nothing at all was found. */
    public boolean ok() {
      return integrity.isEmpty() && conflicts().isEmpty() && changed.isEmpty() && missing.isEmpty()
          && failed.isEmpty() && outOfOrder.isEmpty();
    }
  }

  /** What {@link Migrator#rollback(int)} or {@link Migrator#rollbackTo(String)} undid, most recent first. */
  public record RollbackReport(List<Applied> rolledBack) {
    public RollbackReport {
      rolledBack = List.copyOf(rolledBack);
    }
  }

  /**
   * What {@link Migrator#generate} wrote: the migration, or none when the code matches the last snapshot.
   *
   * @param migration the new migration, or null when there was nothing to do
   * @param plan      the changes
   * @param findings  the data-loss findings (allowed, or the generation would have failed)
   */
  public record GenerateReport(MigrationFiles migration, MigrationPlan plan, List<DataLossLint.Finding> findings) {
    public GenerateReport {
      findings = List.copyOf(findings);
    }
  }

  /**
   * What {@link Migrator#baseline} recorded.
   *
   * @param baselined the migrations recorded as applied without running, in name order
   */
  public record BaselineReport(List<String> baselined) {
    public BaselineReport {
      baselined = List.copyOf(baselined);
    }
  }
}
