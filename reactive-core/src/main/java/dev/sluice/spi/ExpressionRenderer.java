package dev.sluice.spi;

import dev.sluice.sql.Aggregate;
import dev.sluice.sql.Arithmetic;
import dev.sluice.sql.Between;
import dev.sluice.sql.CaseWhen;
import dev.sluice.sql.Cast;
import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.Comparison;
import dev.sluice.sql.Condition;
import dev.sluice.sql.Exists;
import dev.sluice.sql.FunctionCall;
import dev.sluice.sql.InList;
import dev.sluice.sql.InSubquery;
import dev.sluice.sql.Like;
import dev.sluice.sql.Logical;
import dev.sluice.sql.Not;
import dev.sluice.sql.NullCheck;
import dev.sluice.sql.Param;
import dev.sluice.sql.RawSql;
import dev.sluice.sql.ScalarSubquery;
import java.util.List;

/**
 * Renders values and conditions in standard SQL: columns, binds, functions, arithmetic,
 * {@code CASE}, {@code CAST}, raw SQL templates, subqueries, comparisons, {@code AND/OR/NOT},
 * {@code IS NULL}, {@code IN}, {@code BETWEEN} and {@code LIKE}. A dialect overrides the hook that
 * differs, e.g. MySQL's {@code CONCAT(a, b)} for {@code ||} in {@link #appendArithmetic}.
 */
public class ExpressionRenderer extends RendererPart {

  public ExpressionRenderer(StandardDialect dialect) {
    super(dialect);
  }

  /** {@code "name"}, or {@code "table"."name"} where the context qualifies columns. */
  protected void appendColumn(ColumnExpr<?> node, RenderContext ctx) {
    if (ctx.qualify()) {
      ctx.identifier(node.column().table().qualifier()).sql('.');
    }
    ctx.identifier(node.column().name());
  }

  /** A bound value: its marker, the value added to the binds. */
  protected void appendParam(Param<?> node, RenderContext ctx) {
    ctx.bind(node);
  }

  protected void appendAggregate(Aggregate<?> node, RenderContext ctx) {
    ctx.sql(node.function().name()).sql('(');
    if (node.arg() == null) {
      ctx.sql('*');
    } else {
      if (node.distinct()) {
        ctx.sql("DISTINCT ");
      }
      visit(node.arg(), ctx);
    }
    ctx.sql(')');
  }

  protected void appendFunction(FunctionCall<?> node, RenderContext ctx) {
    ctx.sql(functionName(node.name())).sql('(');
    list(node.args(), ctx);
    ctx.sql(')');
  }

  /** The spelling of a standard function in this dialect (e.g. {@code LENGTH} → {@code LEN}). */
  protected String functionName(String standardName) {
    return standardName;
  }

  protected void appendArithmetic(Arithmetic<?> node, RenderContext ctx) {
    ctx.sql('(');
    visit(node.left(), ctx);
    ctx.sql(' ').sql(node.op().sql()).sql(' ');
    visit(node.right(), ctx);
    ctx.sql(')');
  }

  protected void appendCase(CaseWhen<?> node, RenderContext ctx) {
    ctx.sql("CASE");
    for (CaseWhen.When<?> w : node.whens()) {
      ctx.sql(" WHEN ");
      visit(w.condition(), ctx);
      ctx.sql(" THEN ");
      visit(w.value(), ctx);
    }
    if (node.otherwise() != null) {
      ctx.sql(" ELSE ");
      visit(node.otherwise(), ctx);
    }
    ctx.sql(" END");
  }

  /** {@code CAST(value AS type)}, with the dialect's type name. */
  protected void appendCast(Cast<?> node, RenderContext ctx) {
    ctx.sql("CAST(");
    visit(node.value(), ctx);
    ctx.sql(" AS ").sql(typeName(node.type())).sql(')');
  }

  /** Writes the template, rendering each {@code {n}} placeholder as its expression (values bound). */
  protected void appendRaw(RawSql<?> node, RenderContext ctx) {
    String t = node.template();
    int i = 0;
    while (i < t.length()) {
      int open = t.indexOf('{', i);
      int close = open < 0 ? -1 : t.indexOf('}', open);
      if (open < 0 || close < 0) {
        ctx.sql(t.substring(i));
        return;
      }
      ctx.sql(t.substring(i, open));
      if (t.startsWith("{{", open)) { // an escaped, literal brace: '{{"a": 1}' is the JSON {"a": 1}
        ctx.sql('{');
        i = open + 2;
        continue;
      }
      String index = t.substring(open + 1, close);
      int n;
      try {
        n = Integer.parseInt(index);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Placeholder {" + index + "} in raw SQL is not a number: " + t);
      }
      if (n < 0 || n >= node.args().size()) {
        throw new IllegalArgumentException("Placeholder {" + n + "} in raw SQL has no argument ("
            + node.args().size() + " given): " + t);
      }
      visit(node.args().get(n), ctx);
      i = close + 1;
    }
  }

  protected void appendScalarSubquery(ScalarSubquery<?> node, RenderContext ctx) {
    subquery(node.query(), ctx);
  }

  protected void appendExists(Exists node, RenderContext ctx) {
    ctx.sql(node.negated() ? "NOT EXISTS " : "EXISTS ");
    subquery(node.query(), ctx);
  }

  protected void appendInSubquery(InSubquery node, RenderContext ctx) {
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " NOT IN " : " IN ");
    subquery(node.query(), ctx);
  }

  // ---- conditions ---------------------------------------------------------------------------

  protected void appendComparison(Comparison node, RenderContext ctx) {
    visit(node.left(), ctx);
    ctx.sql(' ').sql(node.op().sql()).sql(' ');
    visit(node.right(), ctx);
  }

  /** Operands joined by AND or OR; a nested group of the other kind is parenthesised. */
  protected void appendLogical(Logical node, RenderContext ctx) {
    String op = node.and() ? " AND " : " OR ";
    List<Condition> operands = node.operands();
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        ctx.sql(op);
      }
      nested(operands.get(i), node.and(), ctx);
    }
  }

  private void nested(Condition c, boolean parentIsAnd, RenderContext ctx) {
    boolean parens = c instanceof Logical l && l.and() != parentIsAnd && l.operands().size() > 1;
    if (parens) {
      ctx.sql('(');
    }
    visit(c, ctx);
    if (parens) {
      ctx.sql(')');
    }
  }

  protected void appendNot(Not node, RenderContext ctx) {
    ctx.sql("NOT (");
    visit(node.condition(), ctx);
    ctx.sql(')');
  }

  protected void appendNullCheck(NullCheck node, RenderContext ctx) {
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " IS NOT NULL" : " IS NULL");
  }

  /** {@code x IN (a, b)}; an empty list is {@code 1 = 0} ({@code 1 = 1} negated). */
  protected void appendInList(InList node, RenderContext ctx) {
    if (node.values().isEmpty()) {
      ctx.sql(node.negated() ? "1 = 1" : "1 = 0");
      return;
    }
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " NOT IN (" : " IN (");
    list(node.values(), ctx);
    ctx.sql(')');
  }

  protected void appendBetween(Between node, RenderContext ctx) {
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " NOT BETWEEN " : " BETWEEN ");
    visit(node.low(), ctx);
    ctx.sql(" AND ");
    visit(node.high(), ctx);
  }

  /** Renders LIKE; without a native ILIKE, case-insensitive matching lowers both sides. */
  protected void appendLike(Like node, RenderContext ctx) {
    if (node.caseInsensitive() && capabilities().nativeIlike()) {
      visit(node.expr(), ctx);
      ctx.sql(node.negated() ? " NOT ILIKE " : " ILIKE ");
      visit(node.pattern(), ctx);
      return;
    }
    if (node.caseInsensitive()) {
      ctx.sql("LOWER(");
      visit(node.expr(), ctx);
      ctx.sql(node.negated() ? ") NOT LIKE LOWER(" : ") LIKE LOWER(");
      visit(node.pattern(), ctx);
      ctx.sql(')');
      return;
    }
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " NOT LIKE " : " LIKE ");
    visit(node.pattern(), ctx);
  }
}
