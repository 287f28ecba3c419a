package dev.sluice.migrations.runner;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.runner.Reports.StatusReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the history table says against the migrations on disk: the status report, the newest applied
 * version, and the refusal to run over a failed or changed migration. Pure functions; the
 * {@link Migrator} reads the rows and holds the lock.
 */
final class HistoryState {
  private HistoryState() {}

  /** The newest applied versioned migration's name, or "" (repeatable rows are not versions). */
  static String newest(List<HistoryTable.Entry> entries) {
    return versioned(entries).map(HistoryTable.Entry::name).max(Comparator.naturalOrder()).orElse("");
  }

  /** The history rows of versioned migrations (not the repeatable ones). */
  static Stream<HistoryTable.Entry> versioned(List<HistoryTable.Entry> entries) {
    return entries.stream().filter(e -> !Repeatable.isRepeatable(e.name()));
  }

  /**
   * Refuses to go on when a migration failed partway earlier or an applied one changed since
   * ({@link ChecksumMismatchException}).
   */
  static void requireNothingChangedOrFailed(List<HistoryTable.Entry> entries, Map<String, Step> byName, String historyTable) {
    List<String> failed = entries.stream().filter(e -> !Boolean.TRUE.equals(e.success())).map(HistoryTable.Entry::name).toList();
    if (!failed.isEmpty()) {
      throw new MigrationException("Migrations failed partway earlier and are not repaired: " + failed
          + "; repair the schema by hand, then delete their rows from " + historyTable);
    }
    List<String> changed = new ArrayList<>();
    for (HistoryTable.Entry e : entries) {
      Step f = byName.get(e.name());
      if (f != null && !f.checksum().equals(e.checksum())) {
        changed.add(e.name());
      }
    }
    if (!changed.isEmpty()) {
      throw new ChecksumMismatchException(changed);
    }
  }

  /** Applied, pending, changed, missing and failed migrations, and the repeatable ones due. */
  static StatusReport status(Catalogue c, List<HistoryTable.Entry> entries) {
    Map<String, Step> byName = c.byName();
    List<String> applied = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> baselined = new ArrayList<>();
    Map<String, String> repeatableSums = new LinkedHashMap<>();
    for (HistoryTable.Entry e : entries) {
      Step f = byName.get(e.name());
      if (!Boolean.TRUE.equals(e.success())) {
        failed.add(e.name());
      } else if (Repeatable.isRepeatable(e.name())) {
        repeatableSums.put(e.name(), e.checksum());
      } else if (f == null) {
        missing.add(e.name());
      } else if (!f.checksum().equals(e.checksum())) {
        changed.add(e.name());
      } else if (Long.valueOf(HistoryTable.BASELINE_DURATION).equals(e.durationMs())) {
        baselined.add(e.name());
      } else {
        applied.add(e.name());
      }
    }
    List<String> pending = c.steps().stream().map(Step::name)
        .filter(n -> entries.stream().noneMatch(e -> e.name().equals(n))).toList();
    List<String> due = c.repeatables().stream().filter(r -> !r.checksum().equals(repeatableSums.get(r.name())))
        .map(Repeatable::name).toList();
    return new StatusReport(applied, pending, changed, missing, failed, due, baselined);
  }
}
