package dev.sluice.mongo;

import java.util.List;

/**
 * What a many-document insert did: how many documents were written and which failed. An ordered
 * insert stops at its first failure (the documents after it were not tried); an unordered one tries
 * every document and reports each failure.
 */
public record WriteReport(long inserted, List<WriteFailure> failures) {
  public WriteReport {
    failures = List.copyOf(failures);
  }

  /** True when every document was written. */
  public boolean complete() { return failures.isEmpty(); }

  /** This report, or the first failure's error thrown. */
  public WriteReport orThrow() {
    if (!failures.isEmpty()) {
      throw failures.get(0).error();
    }
    return this;
  }
}
