package dev.sluice.dialect.sqlite;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonPath;
import java.util.List;

/**
 * SQLite's JSON functions, the path bound: {@code json_extract("meta", ?)} for text,
 * {@code json_type("meta", ?) IS NOT NULL}. SQLite's casts are lenient ({@code CAST('Ann' AS
 * INTEGER)} is 0, {@code CAST(1.5 AS INTEGER)} is 1), so a typed read looks at the value's
 * {@code json_type} first: a missing path or a JSON null reads as NULL, a value of the asked type as
 * itself (a boolean as 1 or 0), and any other value makes the statement fail (malformed JSON)
 * rather than read as a changed value. SQLite's paths have no escape inside a quoted key, so a key
 * holding {@code "} is refused, as is containment.
 */
class SqliteJson extends JsonRenderer {

  SqliteJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    String whens = switch (node.as()) {
      case TEXT -> null;
      case INTEGER -> " WHEN 'integer' THEN ";
      case NUMBER -> " WHEN 'integer' THEN CAST(";
      case BOOLEAN -> " WHEN 'true' THEN 1 WHEN 'false' THEN 0";
    };
    if (whens == null) {
      call("json_extract", node.document(), node.keys(), ctx);
      return;
    }
    ctx.sql("CASE coalesce(");
    call("json_type", node.document(), node.keys(), ctx);
    ctx.sql(", 'null') WHEN 'null' THEN NULL");
    switch (node.as()) {
      case INTEGER -> {
        ctx.sql(whens);
        call("json_extract", node.document(), node.keys(), ctx);
      }
      case NUMBER -> {
        ctx.sql(whens);
        call("json_extract", node.document(), node.keys(), ctx);
        ctx.sql(" AS REAL) WHEN 'real' THEN ");
        call("json_extract", node.document(), node.keys(), ctx);
      }
      default -> ctx.sql(whens);
    }
    // not a constant (it reads the document), so SQLite evaluates it only when this branch is taken
    ctx.sql(" ELSE json(");
    visit(node.document(), ctx);
    ctx.sql(" || ']') END");
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
