package dev.sluice.dialect.postgres;

import dev.sluice.schema.SqlKind;
import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonPath;
import java.util.List;

/**
 * PostgreSQL's (and CockroachDB's) JSON operators, each key bound: {@code ("meta" -> $1 ->> $2)},
 * {@code CAST(("meta" ->> $1) AS BIGINT)}, {@code ("meta" -> $1) IS NOT NULL},
 * {@code "meta" @> CAST($1 AS JSONB)} (a {@code json} column is cast to {@code jsonb} first).
 */
class PostgresJson extends JsonRenderer {

  PostgresJson(StandardDialect dialect) {
    super(dialect);
  }

  @Override protected void appendPath(JsonPath<?> node, RenderContext ctx) {
    boolean cast = node.as() != JsonPath.As.TEXT;
    if (cast) {
      ctx.sql("CAST(");
    }
    arrows(node, node.keys(), true, ctx);
    if (cast) {
      ctx.sql(" AS ").sql(node.as() == JsonPath.As.NUMBER ? "DOUBLE PRECISION" : typeName(node.type())).sql(')');
    }
  }

  @Override protected void appendCondition(JsonCondition node, RenderContext ctx) {
    if (node.kind() == JsonCondition.Kind.HAS_PATH) {
      arrows(node.document(), node.keys(), false, ctx);
      ctx.sql(" IS NOT NULL");
      return;
    }
    if (node.document().dataType().kind() == SqlKind.JSONB) {
      visit(node.document(), ctx);
    } else {
      ctx.sql("CAST(");
      visit(node.document(), ctx);
      ctx.sql(" AS JSONB)");
    }
    ctx.sql(" @> CAST(");
    visit(node.candidate(), ctx);
    ctx.sql(" AS JSONB)");
  }

  private void arrows(JsonPath<?> node, List<String> keys, boolean text, RenderContext ctx) {
    arrows(node.document(), keys, text, ctx);
  }

  /** {@code (doc -> $1 -> $2 ->> $3)}: the last arrow {@code ->>} when reading text. */
  private void arrows(dev.sluice.sql.Expr<?> document, List<String> keys, boolean text, RenderContext ctx) {
    ctx.sql('(');
    visit(document, ctx);
    for (int i = 0; i < keys.size(); i++) {
      ctx.sql(text && i == keys.size() - 1 ? " ->> " : " -> ");
      key(keys.get(i), ctx);
    }
    ctx.sql(')');
  }
}
