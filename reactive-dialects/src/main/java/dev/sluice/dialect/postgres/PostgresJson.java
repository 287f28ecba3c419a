package dev.sluice.dialect.postgres;

import dev.sluice.schema.SqlKind;
import dev.sluice.spi.JsonRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.JsonCondition;
import dev.sluice.sql.JsonEdit;
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

  /**
   * {@code jsonb_set(doc, ARRAY[$1, $2], $3::jsonb, true)} / {@code (doc #- ARRAY[$1, $2])}, each key
   * bound; a {@code json} document is cast to {@code jsonb} and the result back to {@code json}
   * (which keeps the value but, as {@code jsonb} does, not the document's spacing or key order).
   */
  @Override protected void appendEdit(JsonEdit<?> node, RenderContext ctx) {
    boolean json = node.document().dataType().kind() != SqlKind.JSONB;
    if (json) {
      ctx.sql("CAST(");
    }
    if (node.kind() == JsonEdit.Kind.SET) {
      ctx.sql("jsonb_set(");
      jsonb(node.document(), json, ctx);
      ctx.sql(", ");
      array(node.keys(), ctx);
      ctx.sql(", ");
      visit(node.value(), ctx);
      ctx.sql(", true)");
    } else {
      ctx.sql('(');
      jsonb(node.document(), json, ctx);
      ctx.sql(" #- ");
      array(node.keys(), ctx);
      ctx.sql(')');
    }
    if (json) {
      ctx.sql(" AS JSON)");
    }
  }

  private void jsonb(dev.sluice.sql.Expr<?> document, boolean cast, RenderContext ctx) {
    if (cast) {
      ctx.sql("CAST(");
    }
    visit(document, ctx);
    if (cast) {
      ctx.sql(" AS JSONB)");
    }
  }

  /** {@code CAST(ARRAY[$1, $2] AS TEXT[])}: the keys, each bound. */
  private void array(List<String> keys, RenderContext ctx) {
    ctx.sql("CAST(ARRAY[");
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        ctx.sql(", ");
      }
      key(keys.get(i), ctx);
    }
    ctx.sql("] AS TEXT[])");
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
