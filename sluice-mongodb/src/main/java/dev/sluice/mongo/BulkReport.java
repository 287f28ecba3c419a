package dev.sluice.mongo;

import java.util.List;

/**
 * What a bulk write did, summed over its chunks: documents inserted, matched and modified by
 * updates and replaces, upserted, deleted, and the writes that failed, each by its position in the
 * whole stream of writes with its typed error. An ordered bulk write stops at its first failure (the
 * writes after it were not tried); an unordered one tries every write.
 */
public record BulkReport(long inserted, long matched, long modified, long upserted, long deleted,
    List<WriteFailure> failures) {
  public BulkReport {
    failures = List.copyOf(failures);
  }

  static final BulkReport EMPTY = new BulkReport(0, 0, 0, 0, 0, List.of());

  /** True when every write succeeded. */
  public boolean complete() { return failures.isEmpty(); }

  /** This report, or the first failure's error thrown. */
  public BulkReport orThrow() {
    if (!failures.isEmpty()) {
      throw failures.get(0).error();
    }
    return this;
  }

  BulkReport plus(BulkReport next) {
    List<WriteFailure> all = new java.util.ArrayList<>(failures);
    all.addAll(next.failures);
    return new BulkReport(inserted + next.inserted, matched + next.matched, modified + next.modified,
        upserted + next.upserted, deleted + next.deleted, all);
  }
}
