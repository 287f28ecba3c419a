package dev.sluice.dialect.postgres;

import dev.sluice.schema.DataType;
import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.sql.InList;

/** PostgreSQL's values and conditions: a list of bound values as one array. */
class PostgresExpressions extends ExpressionRenderer {
  private final PostgresDialect dialect;

  PostgresExpressions(PostgresDialect dialect) {
    super(dialect);
    this.dialect = dialect;
  }

  /**
   * A list of bound values goes as one array: {@code "id" = ANY($1::INTEGER[])} ({@code <> ALL} for
   * NOT IN). One statement text serves every list length, so a relation window of 500 keys is
   * parsed and cached once, not once per length; NULL semantics are those of IN. Lists holding
   * expressions, or values of types without a safe array form, stay {@code IN (...)}.
   */
  @Override protected void appendInList(InList node, RenderContext ctx) {
    DataType<?> type = node.expr().dataType();
    if (node.values().isEmpty() || !PostgresArrays.arrayable(type) || !PostgresArrays.allParams(node.values())) {
      super.appendInList(node, ctx);
      return;
    }
    Object array = PostgresArrays.array(type, node.values());
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " <> ALL(" : " = ANY(").bindDriverValue(array, array.getClass()).sql("::")
        .sql(PostgresArrays.typeName(dialect, type)).sql(")");
  }
}
