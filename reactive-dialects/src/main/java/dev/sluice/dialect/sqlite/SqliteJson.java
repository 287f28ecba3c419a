package dev.sluice.dialect.sqlite;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonPath;
import java.util.List;

/**
 * SQLite's JSON functions, the path bound: {@code json_extract("meta", ?)} (cast to INTEGER or REAL;
 * a boolean is already 1 or 0), {@code json_type("meta", ?) IS NOT NULL}. SQLite's paths have no
 * escape inside a quoted key, so a key holding {@code "} is refused, as is containment.
 */
class SqliteJson extends JsonRenderer {

  SqliteJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    String cast = switch (node.as()) {
      case INTEGER -> "INTEGER";
      case NUMBER -> "REAL";
      default -> null;
    };
    if (cast != null) {
      ctx.sql("CAST(");
    }
    call("json_extract", node.document(), node.keys(), ctx);
    if (cast != null) {
      ctx.sql(" AS ").sql(cast).sql(')');
    }
  }

  @Override protected void appendCondition(JsonCondition node, RenderContext ctx) {
    if (node.kind() == JsonCondition.Kind.CONTAINS) {
      throw unsupported("JSON containment");
    }
    call("json_type", node.document(), node.keys(), ctx);
    ctx.sql(" IS NOT NULL");
  }

  private void call(String function, dev.sluice.sql.Expr<?> document, List<String> keys, RenderContext ctx) {
    ctx.sql(function).sql('(');
    visit(document, ctx);
    ctx.sql(", ");
    path(keys, ctx);
    ctx.sql(')');
  }

  @Override protected void path(List<String> keys, RenderContext ctx) {
    for (String k : keys) {
      if (k.indexOf('"') >= 0) {
        throw unsupported("A JSON path key holding a double quote (" + k + ")");
      }
    }
    super.path(keys, ctx);
  }
}
