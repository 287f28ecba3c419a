package dev.sluice.dialect.mysql;

import dev.sluice.schema.Codec;
import dev.sluice.schema.DataType;
import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Arithmetic;
import dev.sluice.sql.Cast;
import dev.sluice.sql.Like;
import dev.sluice.sql.Param;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * MySQL's values and conditions: UUIDs and {@code OffsetDateTime}s bound as the drivers store them,
 * case-sensitive LIKE under {@code utf8mb4_bin}, {@code CONCAT}, MySQL's cast types,
 * {@code CHAR_LENGTH}.
 */
class MySqlExpressions extends ExpressionRenderer {
  /** A UUID bound as its 36-character text. */
  static final Codec<UUID> UUID_TEXT = Codec.of(String.class, UUID::toString, UUID::fromString);

  /** An {@code OffsetDateTime} bound as the UTC wall time a {@code DATETIME(6)} holds. */
  static final Codec<OffsetDateTime> UTC_DATETIME = Codec.of(LocalDateTime.class,
      t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), t -> t.atOffset(ZoneOffset.UTC));

  protected MySqlExpressions(StandardDialect dialect) {
    super(dialect);
  }

  /** UUIDs bind as text and {@code OffsetDateTime}s as their UTC wall time, which the drivers store. */
  @Override protected void appendParam(Param<?> node, RenderContext ctx) {
    ctx.bind(adapt(node));
  }

  @SuppressWarnings("unchecked")
  protected Param<?> adapt(Param<?> p) {
    DataType<?> t = p.type();
    if (t.codec() == null && t.javaType() == UUID.class) {
      return new Param<>((UUID) p.value(), new DataType<>(t.kind(), UUID.class, t.length(),
          t.precision(), t.scale(), t.sqlName(), uuidCodec()));
    }
    if (t.codec() == null && t.javaType() == OffsetDateTime.class) {
      return new Param<>((OffsetDateTime) p.value(), new DataType<>(t.kind(), OffsetDateTime.class,
          t.length(), t.precision(), t.scale(), t.sqlName(), UTC_DATETIME));
    }
    return p;
  }

  /** How a UUID is bound: its text. */
  protected Codec<UUID> uuidCodec() {
    return UUID_TEXT;
  }

  /** Case-sensitive LIKE compares under {@code utf8mb4_bin}; ILIKE lowers both sides. */
  @Override protected void appendLike(Like node, RenderContext ctx) {
    if (node.caseInsensitive()) {
      super.appendLike(node, ctx);
      return;
    }
    visit(node.expr(), ctx);
    ctx.sql(node.negated() ? " NOT LIKE CONVERT(" : " LIKE CONVERT(");
    visit(node.pattern(), ctx);
    ctx.sql(" USING utf8mb4) COLLATE utf8mb4_bin");
  }

  /** {@code ||} is OR in MySQL, so concatenation is {@code CONCAT(a, b)}. */
  @Override protected void appendArithmetic(Arithmetic<?> node, RenderContext ctx) {
    if (node.op() != Arithmetic.Op.CONCAT) {
      super.appendArithmetic(node, ctx);
      return;
    }
    ctx.sql("CONCAT(");
    visit(node.left(), ctx);
    ctx.sql(", ");
    visit(node.right(), ctx);
    ctx.sql(')');
  }

  /** {@code CAST} accepts only MySQL's cast types ({@code SIGNED}, {@code CHAR}, ...). */
  @Override protected void appendCast(Cast<?> node, RenderContext ctx) {
    ctx.sql("CAST(");
    visit(node.value(), ctx);
    ctx.sql(" AS ").sql(castType(node.type())).sql(')');
  }

  /** The cast target for a type. */
  protected String castType(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT, INTEGER, BIGINT, SERIAL, BIGSERIAL, BOOLEAN -> "SIGNED";
      case VARCHAR, CHAR, TEXT, ENUM, UUID -> "CHAR";
      case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
      case REAL -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIME -> "TIME(6)";
      case TIMESTAMP, TIMESTAMPTZ -> "DATETIME(6)";
      case JSON, JSONB -> "JSON";
      case BYTES -> "BINARY";
      case CUSTOM -> t.sqlName();
    };
  }

  /** {@code LENGTH} counts bytes in MySQL; characters are {@code CHAR_LENGTH}. */
  @Override protected String functionName(String standardName) {
    return "LENGTH".equals(standardName) ? "CHAR_LENGTH" : standardName;
  }
}
