package dev.sluice.sql;

import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import java.util.Objects;

/**
 * A table named inside raw SQL ({@code db.sql("SELECT * FROM {0}", CITIES)}): rendered as the
 * dialect quotes it, with its alias if it has one. It has no value of its own.
 *
 * @param table the table
 */
public record TableRef(Table<?> table) implements Expr<Object> {
  private static final DataType<Object> NONE = DataType.of(SqlKind.CUSTOM, Object.class);

  public TableRef {
    Objects.requireNonNull(table, "table");
  }

  @Override public DataType<Object> dataType() { return NONE; }

  @Override public <C> void accept(SqlVisitor<C> v, C ctx) { v.visitTableRef(this, ctx); }
}
