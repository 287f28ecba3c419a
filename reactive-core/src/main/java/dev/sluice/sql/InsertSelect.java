package dev.sluice.sql;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.util.List;

/**
 * {@code INSERT INTO table (columns) SELECT ...}.
 *
 * @param table   the target table
 * @param columns the inserted columns, aligned with the query's select list
 * @param source  the query producing the rows
 */
public record InsertSelect(Table<?> table, List<Column<?>> columns, SelectQuery source)
    implements Statement {
  public InsertSelect {
    columns = List.copyOf(columns);
    if (columns.size() != source.select().size()) {
      throw new IllegalArgumentException("INSERT ... SELECT names " + columns.size()
          + " columns but the query selects " + source.select().size() + " values");
    }
    for (int i = 0; i < columns.size(); i++) {
      Class<?> want = columns.get(i).dataType().javaType();
      Class<?> got = source.select().get(i).dataType().javaType();
      if (!want.equals(got)) {
        throw new IllegalArgumentException("Column " + columns.get(i) + " holds " + want.getSimpleName()
            + " but value " + (i + 1) + " of the query is " + got.getSimpleName());
      }
    }
  }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitInsertSelect(this, ctx); }
}
