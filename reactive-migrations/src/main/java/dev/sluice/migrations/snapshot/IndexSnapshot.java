package dev.sluice.migrations.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param name    the index name
 * @param columns the indexed columns, in order
 * @param unique  whether it is unique
 * @param where   the predicate of a partial index, as SQL, or null
 */
public record IndexSnapshot(String name, List<String> columns, boolean unique, String where) {
  public IndexSnapshot {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
