package dev.sluice.dialect.mssql;

import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonEdit;
import dev.sluice.sql.JsonPath;
import dev.sluice.sql.Param;
import java.math.BigDecimal;

/**
 * SQL Server's JSON functions, the path bound (SQL Server 2022: {@code JSON_PATH_EXISTS}).
 *
 * <p>Reads are strict. Lax {@code JSON_VALUE} reads an object, an array or a too-long string as
 * NULL, and a strict path raises on a missing key; so a read first asks whether the path exists:
 * {@code CASE WHEN JSON_PATH_EXISTS([meta], ?) = 1 THEN JSON_VALUE([meta], CONCAT('strict ', ?)) END}.
 * A missing path or a JSON null reads NULL; an object or array fails the statement. An integer or
 * number is {@code CAST} from the text (which fails on {@code "Ann"} and, for an integer, on
 * {@code 1.5}); a boolean is {@code 'true'}/{@code 'false'}, and anything else fails with a
 * conversion error whose message names the path.
 *
 * <p>Writes use {@code JSON_MODIFY}: a string, number or boolean value is bound as itself (SQL Server
 * writes it as that JSON scalar), any other value as JSON text through {@code JSON_QUERY(?)} (an
 * object or array); a JSON null cannot be written ({@code JSON_MODIFY} removes the key instead) and
 * is refused. A removal is {@code JSON_MODIFY([meta], ?, NULL)}. No containment.
 */
class SqlServerJson extends JsonRenderer {
  private static final DataType<String> TEXT = DataType.of(SqlKind.TEXT, String.class);

  SqlServerJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    switch (node.as()) {
      case TEXT -> strict(node, ctx);
      case INTEGER, NUMBER -> {
        ctx.sql("CAST(");
        strict(node, ctx);
        ctx.sql(" AS ").sql(typeName(node.type())).sql(')');
      }
      case BOOLEAN -> {
        ctx.sql("CASE ");
        strict(node, ctx);
        ctx.sql(" WHEN 'true' THEN CAST(1 AS BIT) WHEN 'false' THEN CAST(0 AS BIT) ELSE CAST(");
        ctx.bind(new Param<>(mismatch(node), TEXT));
        ctx.sql(" AS BIT) END");
      }
    }
  }

  /** The text a failed conversion shows: {@code JSON value at $."a" is not a boolean}. */
  static String mismatch(JsonPath<?> node) {
    return "JSON value at " + JsonPath.sqlJsonPath(node.keys()) + " is not a " + node.as().name().toLowerCase();
  }

  /** {@code CASE WHEN JSON_PATH_EXISTS(doc, ?) = 1 THEN JSON_VALUE(doc, CONCAT('strict ', ?)) END}. */
  private void strict(JsonPath<?> node, RenderContext ctx) {
    ctx.sql("CASE WHEN JSON_PATH_EXISTS(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(") = 1 THEN JSON_VALUE(");
    visit(node.document(), ctx);
    ctx.sql(", CONCAT('strict ', ");
    path(node.keys(), ctx);
    ctx.sql(")) END");
  }

  @Override protected void appendCondition(JsonCondition node, RenderContext ctx) {
    if (node.kind() == JsonCondition.Kind.CONTAINS) {
      throw unsupported("JSON containment");
    }
    ctx.sql("JSON_PATH_EXISTS(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(") = 1");
  }

  @Override protected void appendEdit(JsonEdit<?> node, RenderContext ctx) {
    ctx.sql("JSON_MODIFY(");
    visit(node.document(), ctx);
    ctx.sql(", ");
    path(node.keys(), ctx);
    ctx.sql(", ");
    if (node.kind() == JsonEdit.Kind.REMOVE) {
      ctx.sql("NULL)");
      return;
    }
    Object v = node.value().type().codec() == null ? null : node.value().value();
    if (v == null) {
      throw unsupported("Writing a JSON null with JSON_MODIFY (it removes the key)");
    }
    Param<?> scalar = scalar(v);
    if (scalar != null) {
      visit(scalar, ctx);
    } else {
      ctx.sql("JSON_QUERY(");
      visit(node.value(), ctx);
      ctx.sql(')');
    }
    ctx.sql(')');
  }

  /** A string, number or boolean as a plain bound value, or null for a value written as JSON text. */
  private static Param<?> scalar(Object v) {
    if (v instanceof String s) {
      return new Param<>(s, TEXT);
    }
    if (v instanceof Boolean b) {
      return new Param<>(b, DataType.of(SqlKind.BOOLEAN, Boolean.class));
    }
    if (v instanceof Integer i) {
      return new Param<>(i, DataType.of(SqlKind.INTEGER, Integer.class));
    }
    if (v instanceof Long l) {
      return new Param<>(l, DataType.of(SqlKind.BIGINT, Long.class));
    }
    if (v instanceof Double d) {
      return new Param<>(d, DataType.of(SqlKind.DOUBLE, Double.class));
    }
    if (v instanceof BigDecimal d) {
      return new Param<>(d, new DataType<>(SqlKind.DECIMAL, BigDecimal.class, 0, 38, Math.max(0, d.scale()), null, null));
    }
    return null;
  }
}
