package dev.sluice.dialect.oracle;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonPath;
import java.util.List;

/**
 * Oracle's {@code JSON_VALUE} and {@code JSON_EXISTS}, whose path must be a literal: it is written
 * as {@code '$."a"."b"'}, each key's {@code "} and {@code \} escaped in the path and each {@code '}
 * doubled in the literal, so a key stays data. A boolean reads {@code 'true'}/{@code 'false'} as 1/0.
 */
class OracleJson extends JsonRenderer {

  OracleJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    if (node.as() != JsonPath.As.BOOLEAN) {
      super.appendPath(node, ctx);
      return;
    }
    ctx.sql("CASE ");
    jsonValue(node, ctx);
    ctx.sql(" WHEN 'true' THEN 1 WHEN 'false' THEN 0 END");
  }

  @Override protected void path(List<String> keys, RenderContext ctx) {
    ctx.sql('\'').sql(JsonPath.sqlJsonPath(keys).replace("'", "''")).sql('\'');
  }
}
