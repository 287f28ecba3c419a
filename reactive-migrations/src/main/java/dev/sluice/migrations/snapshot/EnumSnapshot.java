package dev.sluice.migrations.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A named enum type and its labels, in declaration order.
 *
 * @param name   the SQL type name
 * @param values the labels
 */
public record EnumSnapshot(String name, List<String> values) {
  public EnumSnapshot {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }
}
