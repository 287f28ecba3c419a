package dev.sluice.migrations.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags the changes of a plan that can delete data or fail on existing rows: dropping a table or
 * a column, narrowing a type, setting {@code NOT NULL}, adding a {@code NOT NULL} column without
 * default, a new unique constraint or primary key, removing an enum value. Such a plan is refused
 * unless data loss is allowed explicitly.
 */
public final class DataLossLint {
  private DataLossLint() { }

  /** One flagged change and why. */
  public record Finding(Change change, String reason) { }

  /** The findings of {@code plan}, in plan order (empty when it is safe). */
  public static List<Finding> check(MigrationPlan plan) {
    List<Finding> out = new ArrayList<>();
    for (Change c : plan.changes()) {
      c.dataLoss().ifPresent(reason -> out.add(new Finding(c, reason)));
    }
    return out;
  }

  /** Throws {@link DataLossException} listing every finding, unless there is none or {@code allowed}. */
  public static void require(MigrationPlan plan, boolean allowed) {
    List<Finding> findings = check(plan);
    if (!findings.isEmpty() && !allowed) {
      throw new DataLossException(findings);
    }
  }
}
