package dev.sluice.schema;

import java.util.List;

/**
 * An index declared as a field of a table: {@code public final Index byName = uniqueIndex(name);}.
 *
 * @param table   the indexed table
 * @param name    the index name ({@code <table>_<columns>_index} unless given; null until its
 *                columns named after their fields are named)
 * @param columns the indexed columns, in order
 * @param unique  whether it is a unique index
 * @param where   a partial-index predicate written in the schema code, or null
 */
public record Index(Table<?> table, String name, List<Column<?>> columns, boolean unique, String where) {
  public Index {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("An index needs at least one column");
    }
  }

  /** The index name: the one given, else {@code <table>_<col>_..._index}. */
  @Override public String name() {
    return name != null ? name : defaultName(table, columns);
  }

  static String defaultName(Table<?> table, List<Column<?>> columns) {
    StringBuilder n = new StringBuilder(table.name());
    for (Column<?> c : columns) {
      n.append('_').append(c.name());
    }
    return n.append("_index").toString();
  }

  /** The same index, partial: only rows matching {@code predicateSql} are indexed. */
  public Index where(String predicateSql) {
    return new Index(table, name, columns, unique, predicateSql);
  }

  /** The same index under another name. */
  public Index named(String newName) {
    return new Index(table, newName, columns, unique, where);
  }
}
