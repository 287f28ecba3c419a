package dev.sluice.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The tables a transaction (all its scopes) wrote, for the query cache to drop when it commits.
 * Holds nothing until the first write is noted, and is only told of writes when the database has a
 * cache, so a transaction without one allocates no set.
 */
final class TxWrites {
  private Set<String> tables;
  private boolean anything;

  /** Notes the tables a write changed (null: it may have written anything). */
  synchronized void add(Set<String> written) {
    if (written == null) {
      anything = true;
    } else if (!written.isEmpty()) {
      if (tables == null) {
        tables = new HashSet<>();
      }
      tables.addAll(written);
    }
  }

  /** The tables written; null when a statement may have written anything. */
  synchronized Set<String> tables() {
    if (anything) {
      return null;
    }
    return tables == null ? Set.of() : Set.copyOf(tables);
  }
}
