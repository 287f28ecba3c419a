package dev.sluice.dialect.mysql;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonPath;

/**
 * MySQL's and MariaDB's JSON functions, the path bound: {@code JSON_UNQUOTE(JSON_EXTRACT(`meta`, ?))},
 * {@code CAST(... AS SIGNED)}, {@code (... + 0e0)} for a double, {@code (... = 'true')} for a
 * boolean, {@code JSON_CONTAINS_PATH(`meta`, 'one', ?) = 1}, {@code JSON_CONTAINS(`meta`, ?) = 1}.
 */
class MySqlJson extends JsonRenderer {

  MySqlJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    switch (node.as()) {
      case TEXT -> unquoted(node, ctx);
      case INTEGER -> {
        ctx.sql("CAST(");
        unquoted(node, ctx);
        ctx.sql(" AS SIGNED)");
      }
      case NUMBER -> {
        ctx.sql('(');
        unquoted(node, ctx);
        ctx.sql(" + 0e0)");
      }
      case BOOLEAN -> {
        ctx.sql('(');
        unquoted(node, ctx);
        ctx.sql(" = 'true')");
      }
    }
  }

  private void unquoted(JsonPath<?> node, RenderContext ctx) {
    ctx.sql("JSON_UNQUOTE(JSON_EXTRACT(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql("))");
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
