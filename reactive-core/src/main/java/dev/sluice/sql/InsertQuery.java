package dev.sluice.sql;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.List;

/**
 * {@code INSERT INTO table (columns) VALUES (row), (row) ... [RETURNING returning]}.
 *
 * @param table     the target table
 * @param columns   the inserted columns
 * @param rows      one list of values per row, aligned with {@code columns}
 * @param returning columns to return, empty for none
 * @param upsert    what to do when the row exists, or null for a plain insert
 */
public record InsertQuery(Table<?> table, List<Column<?>> columns, List<List<Expr<?>>> rows,
                          List<Column<?>> returning, Upsert upsert) implements Statement {

  /** A plain insert. */
  public InsertQuery(Table<?> table, List<Column<?>> columns, List<List<Expr<?>>> rows,
      List<Column<?>> returning) {
    this(table, columns, rows, returning, null);
  }

  public InsertQuery {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    returning = List.copyOf(returning);
    for (List<Expr<?>> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("Row has " + row.size() + " values for "
            + columns.size() + " columns");
      }
    }
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitInsert(this, ctx); }
}
