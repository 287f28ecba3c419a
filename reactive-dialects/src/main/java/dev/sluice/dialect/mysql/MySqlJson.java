package dev.sluice.dialect.mysql;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonEdit;
import dev.sluice.sql.JsonPath;

/**
 * MySQL's and MariaDB's JSON functions, the path bound. Their casts are lenient where PostgreSQL's
 * fail: {@code CAST('null' AS SIGNED)} is 0, {@code CAST('1.5' AS SIGNED)} is 1, and
 * {@code JSON_UNQUOTE} of a JSON null is the text {@code null}. So every typed read looks at the
 * value's {@code JSON_TYPE} first: a missing path or a JSON null reads as SQL NULL, a value of the
 * asked type is converted ({@code CAST(... AS SIGNED)}, {@code (... + 0e0)}, {@code (... = 'true')}),
 * and any other value makes the statement fail (a scalar subquery of two rows, error 1242) rather
 * than read as a changed value.
 */
class MySqlJson extends JsonRenderer {

  MySqlJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    switch (node.as()) {
      case TEXT -> typed(node, ctx, null, "", "");
      case INTEGER -> typed(node, ctx, "'INTEGER'", "CAST(", " AS SIGNED)");
      case NUMBER -> typed(node, ctx, "'INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL'", "(", " + 0e0)");
      case BOOLEAN -> typed(node, ctx, "'BOOLEAN'", "(", " = 'true')");
    }
  }

  /**
   * {@code CASE WHEN type IS NULL OR type = 'NULL' THEN NULL WHEN type IN (types) THEN
   * before unquoted after ELSE (a failing subquery) END}; {@code types} null: any non-null value.
   */
  private void typed(JsonPath<?> node, RenderContext ctx, String types, String before, String after) {
    ctx.sql("CASE WHEN ");
    type(node, ctx);
    ctx.sql(" IS NULL OR ");
    type(node, ctx);
    ctx.sql(" = 'NULL' THEN NULL ");
    if (types == null) {
      ctx.sql("ELSE ");
      unquoted(node, ctx);
      ctx.sql(" END");
      return;
    }
    ctx.sql("WHEN ");
    type(node, ctx);
    ctx.sql(" IN (" + types + ") THEN " + before);
    unquoted(node, ctx);
    ctx.sql(after + " ELSE (SELECT 1 UNION ALL SELECT 1) END");
  }

  private void type(JsonPath<?> node, RenderContext ctx) {
    ctx.sql("JSON_TYPE(");
    extract(node, ctx);
    ctx.sql(")");
  }

  private void unquoted(JsonPath<?> node, RenderContext ctx) {
    ctx.sql("JSON_UNQUOTE(");
    extract(node, ctx);
    ctx.sql(")");
  }

  private void extract(JsonPath<?> node, RenderContext ctx) {
    ctx.sql("JSON_EXTRACT(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(")");
  }

  /**
   * {@code JSON_SET(doc, ?, JSON_EXTRACT(?, '$'))} (the value bound as JSON text and read back as
   * JSON, which MySQL and MariaDB both accept where MariaDB has no {@code CAST(... AS JSON)}) /
   * {@code JSON_REMOVE(doc, ?)}, the path bound.
   */
  @Override protected void appendEdit(JsonEdit<?> node, RenderContext ctx) {
    ctx.sql(node.kind() == JsonEdit.Kind.SET ? "JSON_SET(" : "JSON_REMOVE(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    if (node.kind() == JsonEdit.Kind.SET) {
      ctx.sql(", JSON_EXTRACT(");
      visit(node.value(), ctx);
      ctx.sql(", '$')");
    }
    ctx.sql(")");
  }

  @Override protected void appendCondition(JsonCondition node, RenderContext ctx) {
    if (node.kind() == JsonCondition.Kind.HAS_PATH) {
      ctx.sql("JSON_CONTAINS_PATH(");
      visit(node.document(), ctx);
      ctx.sql(", 'one', ");
      path(node.keys(), ctx);
      ctx.sql(") = 1");
      return;
    }
    ctx.sql("JSON_CONTAINS(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    visit(node.candidate(), ctx);
    ctx.sql(") = 1");
  }
}
