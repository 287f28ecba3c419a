package dev.sluice.sql;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.List;
import java.util.Objects;

/**
 * One named query of a {@code WITH} clause: {@code "name" ("col", ...) AS (query)}. The table gives
 * the name and the typed columns the rest of the statement refers to; the query fills them by
 * position.
 *
 * @param table the table naming the result and its columns
 * @param query a SELECT or a compound SELECT with one value per column of {@code table}
 */
public record CommonTable(Table<?> table, Statement query) {
  public CommonTable {
    Objects.requireNonNull(table, "table");
    requireShape(table, query, "Common table expression");
  }

  /**
   * Checks that {@code query} is a SELECT (or UNION ...) whose values fit {@code table}'s columns:
   * as many, each of the same Java type. The error names the table and the first column that
   * does not fit.
   */
  public static void requireShape(Table<?> table, Statement query, String what) {
    List<Expr<?>> select;
    if (query instanceof SelectQuery s) {
      select = s.select();
    } else if (query instanceof CompoundSelect c) {
      select = c.parts().get(0).select();
    } else {
      throw new IllegalArgumentException(what + " " + table.name() + " needs a SELECT, not "
          + (query == null ? "null" : query.getClass().getSimpleName()));
    }
    List<Column<?>> columns = table.columns();
    if (select.size() != columns.size()) {
      throw new IllegalArgumentException(what + " " + table.name() + " has " + columns.size()
          + " columns but its query selects " + select.size() + " values");
    }
    for (int i = 0; i < columns.size(); i++) {
      Class<?> want = columns.get(i).dataType().javaType();
      Class<?> got = select.get(i).dataType().javaType();
      if (got != Object.class && !want.equals(got)) {
        throw new IllegalArgumentException(what + " " + table.name() + ": column "
            + columns.get(i).name() + " is " + want.getSimpleName() + " but value " + (i + 1)
            + " of its query is " + got.getSimpleName());
      }
    }
  }
}
