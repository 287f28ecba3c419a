package dev.sluice.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code WITH [RECURSIVE]} clause: named queries the statement after it can read like tables.
 * {@code RECURSIVE} applies to the whole clause, so it is set as soon as one of them refers to
 * itself.
 *
 * @param recursive whether any common table refers to itself
 * @param tables    the common tables, in order (a later one may read an earlier one)
 */
public record With(boolean recursive, List<CommonTable> tables) {
  public With {
    tables = List.copyOf(tables);
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("WITH needs at least one common table");
    }
  }

  /** This clause followed by one more common table. */
  public With and(CommonTable table, boolean isRecursive) {
    for (CommonTable t : tables) {
      if (t.table().name().equals(table.table().name())) {
        throw new IllegalArgumentException("Common table " + table.table().name() + " is defined twice");
      }
    }
    List<CommonTable> all = new ArrayList<>(tables);
    all.add(table);
    return new With(recursive || isRecursive, all);
  }

  /** A clause of one common table. */
  public static With of(CommonTable table, boolean isRecursive) {
    return new With(isRecursive, List.of(table));
  }
}
