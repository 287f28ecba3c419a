package dev.sluice.dialect.h2;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonPath;

/** H2 has no JSON path functions: every JSON path read and test is refused when rendered. */
class H2Json extends JsonRenderer {

  H2Json(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    throw unsupported("JSON path access");
  }

  @Override protected void appendCondition(JsonCondition node, RenderContext ctx) {
    throw unsupported(node.kind() == JsonCondition.Kind.CONTAINS ? "JSON containment" : "JSON path access");
  }
}
