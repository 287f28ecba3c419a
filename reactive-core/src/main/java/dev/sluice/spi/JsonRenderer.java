package dev.sluice.spi;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonEdit;
import dev.sluice.sql.JsonPath;
import dev.sluice.sql.Param;

/**
 * Renders JSON path reads and JSON tests. The standard form is SQL:2016's, with the path bound:
 * {@code JSON_VALUE(doc, ?)} (cast for integers, numbers and booleans), {@code JSON_EXISTS(doc, ?)};
 * containment has no standard form and is refused. A dialect overrides what it spells otherwise.
 */
public class JsonRenderer extends RendererPart {
  private static final DataType<String> TEXT = DataType.of(SqlKind.TEXT, String.class);

  public JsonRenderer(StandardDialect dialect) {
    super(dialect);
  }

  /** A value at a path: {@code JSON_VALUE(doc, ?)}, cast to the type it is read as. */
  protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    if (node.as() == JsonPath.As.TEXT) {
      jsonValue(node, ctx);
      return;
    }
    ctx.sql("CAST(");
    jsonValue(node, ctx);
    ctx.sql(" AS ").sql(typeName(node.type())).sql(')');
  }

  /** {@code JSON_VALUE(doc, ?)} with the path bound. */
  protected final void jsonValue(JsonPath<?> node, RenderContext ctx) {
    ctx.sql("JSON_VALUE(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(')');
  }

  /** The SQL/JSON path of {@code keys} ({@code $."a"."b"}), bound. */
  protected void path(java.util.List<String> keys, RenderContext ctx) {
    ctx.bind(new Param<>(JsonPath.sqlJsonPath(keys), TEXT));
  }

  /** A test: {@code JSON_EXISTS(doc, ?)}; containment is refused. */
  protected void appendCondition(JsonCondition node, RenderContext ctx) {
    if (node.kind() == JsonCondition.Kind.CONTAINS) {
      throw unsupported("JSON containment");
    }
    ctx.sql("JSON_EXISTS(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(')');
  }

  /** A write at a path ({@code Json.set}/{@code Json.remove}): no standard form, refused. */
  protected void appendEdit(JsonEdit<?> node, RenderContext ctx) {
    throw unsupported("JSON path writes");
  }

  /** The refusal of {@code construct}, naming this dialect. */
  protected final UnsupportedByDialectException unsupported(String construct) {
    return new UnsupportedByDialectException(construct, name());
  }

  /** A bound key, as text. */
  protected final void key(String key, RenderContext ctx) {
    ctx.bind(new Param<>(key, TEXT));
  }
}
