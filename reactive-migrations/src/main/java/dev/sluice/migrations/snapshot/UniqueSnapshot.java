package dev.sluice.migrations.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint.
 *
 * @param name    the constraint name ({@code <table>_<columns>_key} for {@code unique()} in code)
 * @param columns the columns, in order
 */
public record UniqueSnapshot(String name, List<String> columns) {
  public UniqueSnapshot {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
