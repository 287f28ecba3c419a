package dev.sluice.dialect.sqlite;

import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonEdit;
import dev.sluice.sql.JsonPath;
import java.util.List;

/**
 * SQLite's JSON functions, the path bound: {@code json_extract("meta", ?)} for text,
 * {@code json_type("meta", ?) IS NOT NULL}. SQLite's casts are lenient ({@code CAST('Ann' AS
 * INTEGER)} is 0, {@code CAST(1.5 AS INTEGER)} is 1), so a typed read looks at the value's
 * {@code json_type} first: a missing path or a JSON null reads as NULL, a value of the asked type as
 * itself (a boolean as 1 or 0), and any other value makes the statement fail rather than read as a
 * changed value: {@code json_extract} of a bad path that names the value, so SQLite's error reads
 * {@code bad JSON path: 'JSON value at $."age" is not an integer'} (a
 * {@link dev.sluice.error.JsonTypeMismatchException}). SQLite's paths have no escape inside a quoted key, so a key
 * holding {@code "} is refused, as is containment.
 */
class SqliteJson extends JsonRenderer {

  private static final dev.sluice.schema.DataType<String> TEXT =
      dev.sluice.schema.DataType.of(dev.sluice.schema.SqlKind.TEXT, String.class);

  /** The text SQLite's error shows for a value of another type: {@code JSON value at $."age" is not an integer}. */
  static String mismatch(JsonPath<?> node) {
    return "JSON value at " + JsonPath.sqlJsonPath(node.keys()) + " is not a" + (node.as() == JsonPath.As.INTEGER ? "n " : " ")
        + node.as().name().toLowerCase();
  }

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
    // a bad path that names the value: SQLite's error shows it ("bad JSON path: 'JSON value at ...'");
    // not a constant (it reads the document), so SQLite evaluates it only when this branch is taken
    ctx.sql(" ELSE json_extract(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    ctx.bind(new dev.sluice.sql.Param<>(mismatch(node), TEXT));
    ctx.sql(") END");
  }

  /** {@code json_set(doc, ?, json(?))} (the value bound as JSON text) / {@code json_remove(doc, ?)}, the path bound. */
  @Override protected void appendEdit(JsonEdit<?> node, RenderContext ctx) {
    ctx.sql(node.kind() == JsonEdit.Kind.SET ? "json_set(" : "json_remove(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    if (node.kind() == JsonEdit.Kind.SET) {
      ctx.sql(", json(");
      visit(node.value(), ctx);
      ctx.sql(")");
    }
    ctx.sql(")");
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
