package dev.sluice.dialect.postgres;

import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Table;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Like;
import dev.sluice.sql.SelectQuery;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.List;

/**
 * PostgreSQL through r2dbc-postgresql: {@code $n} markers, {@code LIMIT/OFFSET}, {@code RETURNING},
 * {@code ILIKE}, native enum types (binds cast with {@code ::type}), {@code ON CONFLICT} upserts.
 *
 * <pre>{@code
 * SELECT "id", "name" FROM "cities" WHERE "country_id" = $1 ORDER BY "name" LIMIT $2 OFFSET $3
 * }</pre>
 */
public class PostgresDialect extends StandardDialect {
  private static final Capabilities CAPABILITIES = new Capabilities(true,
      Capabilities.UpsertStyle.ON_CONFLICT, true, true, true, true, 32767, true);

  @Override public String name() { return "postgresql"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "PostgreSQL".equalsIgnoreCase(metadata.getName());
  }

  /** {@code $1, $2, ...}; enum and JSON values carry a cast so a text bind fits the column type. */
  @Override protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
    ctx.sql('$').sql(Integer.toString(index + 1));
    switch (type.kind()) {
      case ENUM -> ctx.sql("::").identifier(type.sqlName());
      case JSON -> ctx.sql("::json");
      case JSONB -> ctx.sql("::jsonb");
      default -> { }
    }
  }

  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null) {
      ctx.sql(" LIMIT ").bind(node.limit());
    }
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset());
    }
  }

  @Override public void visitLike(Like node, RenderContext ctx) {
    if (!node.caseInsensitive()) {
      super.visitLike(node, ctx);
      return;
    }
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " NOT ILIKE " : " ILIKE ");
    node.pattern().accept(this, ctx);
  }

  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER, SERIAL -> "INT";
      case BIGINT, BIGSERIAL -> "BIGINT";
      case BOOLEAN -> "boolean";
      case VARCHAR -> "character varying(" + t.length() + ")";
      case CHAR -> "character(" + t.length() + ")";
      case TEXT -> "text";
      case DECIMAL -> "numeric(" + t.precision() + ", " + t.scale() + ")";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamp with time zone";
      case UUID -> "uuid";
      case JSON -> "json";
      case JSONB -> "jsonb";
      case BYTES -> "bytea";
      case ENUM -> quote(t.sqlName());
      case CUSTOM -> t.sqlName();
    };
  }

  @Override protected String generatedColumnType(DataType<?> type) {
    return type.kind() == dev.sluice.schema.SqlKind.BIGSERIAL ? "BIGSERIAL" : "SERIAL";
  }

  /** Creates the enum type once; a second run finds it and does nothing. */
  @Override protected List<String> createEnumType(EnumType<?> type) {
    StringBuilder labels = new StringBuilder();
    for (String l : type.labels()) {
      labels.append(labels.length() > 0 ? ", " : "").append('\'').append(l.replace("'", "''")).append('\'');
    }
    return List.of("DO $$ BEGIN\n CREATE TYPE " + quote(type.name()) + " AS ENUM (" + labels
        + ");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$");
  }

  @Override public List<String> dropTable(Table<?> table) {
    return List.of("DROP TABLE IF EXISTS " + quote(table.name()) + " CASCADE");
  }

  @Override protected ConstraintInfo constraintInfo(Throwable error) {
    try {
      return PostgresErrors.constraintInfo(error);
    } catch (LinkageError driverAbsent) {
      return ConstraintInfo.NONE;
    }
  }
}
