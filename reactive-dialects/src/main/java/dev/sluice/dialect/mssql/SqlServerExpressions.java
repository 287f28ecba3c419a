package dev.sluice.dialect.mssql;

import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Arithmetic;

/** T-SQL's values: {@code LEN} for {@code LENGTH}, {@code +} for string concatenation. */
class SqlServerExpressions extends ExpressionRenderer {

  SqlServerExpressions(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected String functionName(String standardName) {
    return "LENGTH".equalsIgnoreCase(standardName) ? "LEN" : standardName;
  }

  /** String concatenation is {@code +}. */
  @Override protected void appendArithmetic(Arithmetic<?> node, RenderContext ctx) {
    if (node.op() != Arithmetic.Op.CONCAT) {
      super.appendArithmetic(node, ctx);
      return;
    }
    ctx.sql('(');
    visit(node.left(), ctx);
    ctx.sql(" + ");
    visit(node.right(), ctx);
    ctx.sql(')');
  }
}
