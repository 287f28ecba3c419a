package dev.sluice.dialect.sqlite;

import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Cast;
import dev.sluice.sql.Like;
import dev.sluice.sql.Param;
import java.math.BigDecimal;

/** SQLite's values and conditions: case-sensitive LIKE as GLOB, decimals bound with their scale. */
class SqliteExpressions extends ExpressionRenderer {

  SqliteExpressions(StandardDialect dialect) {
    super(dialect);
  }

  /** Case-sensitive LIKE as {@code GLOB} with a translated pattern; ILIKE as lowered LIKE. */
  @Override protected void appendLike(Like node, RenderContext ctx) {
    if (node.caseInsensitive()) {
      super.appendLike(node, ctx); // LOWER(x) LIKE LOWER(p), with the backslash as escape
      ctx.sql(" ESCAPE '\\'");
      return;
    }
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " NOT GLOB " : " GLOB ");
    if (node.pattern() instanceof Param<String> p) {
      ctx.bind(new Param<>(p.value() == null ? null : globPattern(p.value()), p.type()));
    } else {
      // a pattern from a column: translated in SQL, without an escape character
      ctx.sql("replace(replace(replace(replace(replace(");
      visit(node.pattern(), ctx);
      ctx.sql(", '[', '[[]'), '*', '[*]'), '?', '[?]'), '%', '*'), '_', '?')");
    }
  }

  /**
   * Translates a LIKE pattern ({@code %}, {@code _}, backslash escapes) to the GLOB pattern that
   * matches the same strings, e.g. {@code 50\%_off*} to {@code 50%?off[*]}.
   */
  static String globPattern(String like) {
    StringBuilder glob = new StringBuilder(like.length() + 8);
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '%') {
        glob.append('*');
      } else if (c == '_') {
        glob.append('?');
      } else if (c == '\\' && i + 1 < like.length()) {
        literal(glob, like.charAt(++i));
      } else {
        literal(glob, c);
      }
    }
    return glob.toString();
  }

  private static void literal(StringBuilder glob, char c) {
    if (c == '*' || c == '?' || c == '[') {
      glob.append('[').append(c).append(']');
    } else {
      glob.append(c);
    }
  }

  /** A decimal is bound with (at least) its column's scale, so that its exact text keeps the scale. */
  @Override protected void appendParam(Param<?> node, RenderContext ctx) {
    DataType<?> type = node.type();
    if (type.kind() == SqlKind.DECIMAL && type.codec() == null
        && node.value() instanceof BigDecimal d && d.scale() < type.scale()) {
      ctx.bind(new Param<>(d.setScale(type.scale()), decimal(type)));
      return;
    }
    super.appendParam(node, ctx);
  }

  @SuppressWarnings("unchecked")
  private static DataType<BigDecimal> decimal(DataType<?> type) {
    return (DataType<BigDecimal>) type;
  }

  /** A cast to a decimal is to a number, as before: SQLite has no exact decimal arithmetic. */
  @Override protected void appendCast(Cast<?> node, RenderContext ctx) {
    if (node.type().kind() != SqlKind.DECIMAL) {
      super.appendCast(node, ctx);
      return;
    }
    ctx.sql("CAST(");
    visit(node.value(), ctx);
    ctx.sql(" AS NUMERIC)");
  }
}
