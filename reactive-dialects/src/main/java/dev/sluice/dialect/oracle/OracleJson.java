package dev.sluice.dialect.oracle;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonEdit;
import dev.sluice.sql.JsonPath;
import java.util.List;

/**
 * Oracle's {@code JSON_VALUE}, {@code JSON_EXISTS} and {@code JSON_TRANSFORM} (21c), whose path must
 * be a literal: it is written as {@code '$."a"."b"'}, each key's {@code "} and {@code \} escaped in
 * the path and each {@code '} doubled in the literal, so a key stays data.
 *
 * <p>Reads are strict: {@code JSON_VALUE(doc, '$."age"' RETURNING NUMBER ERROR ON ERROR NULL ON EMPTY)}.
 * Oracle's default ({@code NULL ON ERROR}) reads a value of the wrong type as NULL; here a missing
 * path or a JSON null reads NULL and a value that does not convert (an object, an array,
 * {@code "Ann"} as a number) fails the statement. A boolean reads {@code 'true'}/{@code 'false'} as
 * 1/0, and any other value fails ({@code TO_NUMBER} of a text naming the path).
 *
 * <p>Writes: {@code JSON_TRANSFORM(doc, SET '$."a"' = ? FORMAT JSON)} (the value bound as JSON
 * text) and {@code JSON_TRANSFORM(doc, REMOVE '$."a"')}.
 */
class OracleJson extends JsonRenderer {

  OracleJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    switch (node.as()) {
      case TEXT -> strict(node, "VARCHAR2(4000)", ctx);
      case INTEGER -> strict(node, "NUMBER(19)", ctx);
      case NUMBER -> strict(node, "BINARY_DOUBLE", ctx);
      case BOOLEAN -> {
        ctx.sql("CASE ");
        strict(node, "VARCHAR2(5)", ctx);
        ctx.sql(" WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE TO_NUMBER(");
        literal("JSON value at " + JsonPath.sqlJsonPath(node.keys()) + " is not a boolean", ctx);
        ctx.sql(") END");
      }
    }
  }

  /** {@code JSON_VALUE(doc, 'path' RETURNING type ERROR ON ERROR NULL ON EMPTY)}. */
  private void strict(JsonPath<?> node, String returning, RenderContext ctx) {
    ctx.sql("JSON_VALUE(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(" RETURNING ").sql(returning).sql(" ERROR ON ERROR NULL ON EMPTY)");
  }

  @Override protected void appendEdit(JsonEdit<?> node, RenderContext ctx) {
    ctx.sql("JSON_TRANSFORM(");
    visit(node.document(), ctx);
    if (node.kind() == JsonEdit.Kind.SET) {
      ctx.sql(", SET ");
      path(node.keys(), ctx);
      ctx.sql(" = ");
      visit(node.value(), ctx);
      ctx.sql(" FORMAT JSON)");
    } else {
      ctx.sql(", REMOVE ");
      path(node.keys(), ctx);
      ctx.sql(')');
    }
  }

  @Override protected void path(List<String> keys, RenderContext ctx) {
    literal(JsonPath.sqlJsonPath(keys), ctx);
  }

  private static void literal(String text, RenderContext ctx) {
    ctx.sql('\'').sql(text.replace("'", "''")).sql('\'');
  }
}
