package dev.sluice.dialect.postgres;

import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Table;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import java.lang.reflect.Array;
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
  /** PostgreSQL's cancel request (r2dbc-postgresql's {@code cancelRequest()}). */
  @Override public reactor.core.publisher.Mono<dev.sluice.spi.StatementCanceller> canceller(
      io.r2dbc.spi.Connection connection, io.r2dbc.spi.ConnectionFactory unpooled) {
    return reactor.core.publisher.Mono.fromSupplier(() -> {
      try {
        return PostgresCancel.of(connection);
      } catch (NoClassDefFoundError noDriver) {
        return dev.sluice.spi.StatementCanceller.NONE;
      }
    });
  }

  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .returning(true)
      .upsertStyle(Capabilities.UpsertStyle.ON_CONFLICT)
      .ddlIsTransactional(true)
      .nativeEnums(true)
      .maxBindParameters(32767)
      .nativeIlike(true)
      .build();

  /**
   * PostgreSQL's own codes first: 40P01 deadlock, 55P03 lock not available, 57014 query cancelled
   * (a statement timeout when its message says so), class 53 insufficient resources.
   */
  @Override protected dev.sluice.spi.ErrorKind classifyState(String state) {
    return switch (state) {
      case "40P01" -> dev.sluice.spi.ErrorKind.DEADLOCK;
      case "55P03" -> dev.sluice.spi.ErrorKind.LOCK_NOT_AVAILABLE;
      case "57014" -> dev.sluice.spi.ErrorKind.QUERY_CANCELLED;
      default -> state.startsWith("53") ? dev.sluice.spi.ErrorKind.TRANSIENT_RESOURCE : super.classifyState(state);
    };
  }

  /** Also 57P01..03: the backend was terminated or the server is shutting down. */
  @Override public boolean isConnectionLost(Throwable error) {
    return dev.sluice.spi.ErrorTranslator.connectionLost(error, state -> state.startsWith("57P0"));
  }

  @Override public String name() { return "postgresql"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "PostgreSQL".equalsIgnoreCase(metadata.getName());
  }

  /** {@code $1, $2, ...}; enum and JSON values carry a cast so a text bind fits the column type. */
  @Override protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
    ctx.sql('$').sql(Integer.toString(index + 1));
    if (type == null) {
      return;
    }
    switch (type.kind()) {
      case ENUM -> ctx.sql("::").identifier(type.sqlName());
      case JSON -> ctx.sql("::json");
      case JSONB -> ctx.sql("::jsonb");
      default -> { }
    }
  }

  /**
   * Many rows go as one array per column through {@code unnest}: {@code INSERT INTO "t" ("a", "b")
   * SELECT * FROM unnest($1::INT[], $2::text[])}. The statement has as many binds as columns, however
   * many rows, so the server parses and plans it once per chunk: measured 1.9x faster than multi-row
   * VALUES. Types that might not have array codecs (enum, JSON, bytes, custom) use VALUES.
   */
  @Override public void visitInsert(InsertQuery node, RenderContext ctx) {
    if (node.rows().size() < 2 || node.columns().isEmpty() || !unnestable(node)) {
      super.visitInsert(node, ctx);
      return;
    }
    ctx.sql("INSERT INTO ").identifier(node.table().name()).sql(" (");
    for (int i = 0; i < node.columns().size(); i++) {
      ctx.sql(i > 0 ? ", " : "").identifier(node.columns().get(i).name());
    }
    ctx.sql(") SELECT * FROM unnest(");
    for (int c = 0; c < node.columns().size(); c++) {
      DataType<?> type = node.columns().get(c).dataType();
      Object array = Array.newInstance(type.driverType(), node.rows().size());
      for (int r = 0; r < node.rows().size(); r++) {
        Array.set(array, r, driverValue((Param<?>) node.rows().get(r).get(c)));
      }
      ctx.sql(c > 0 ? ", " : "").bindDriverValue(array, array.getClass()).sql("::")
          .sql(arrayTypeName(type));
    }
    ctx.sql(")");
    if (node.upsert() != null) {
      appendUpsert(node, ctx);
    }
    appendReturning(node.returning(), ctx);
  }

  /**
   * A list of bound values goes as one array: {@code "id" = ANY($1::INTEGER[])} ({@code <> ALL} for
   * NOT IN). One statement text serves every list length, so a relation window of 500 keys is
   * parsed and cached once, not once per length; NULL semantics are those of IN. Lists holding
   * expressions, or values of types without a safe array form, stay {@code IN (...)}.
   */
  @Override public void visitInList(dev.sluice.sql.InList node, RenderContext ctx) {
    DataType<?> type = node.expr().dataType();
    if (node.values().isEmpty() || !arrayable(type) || !allParams(node.values())) {
      super.visitInList(node, ctx);
      return;
    }
    Object array = Array.newInstance(type.driverType(), node.values().size());
    for (int i = 0; i < node.values().size(); i++) {
      Array.set(array, i, driverValue((Param<?>) node.values().get(i)));
    }
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " <> ALL(" : " = ANY(").bindDriverValue(array, array.getClass()).sql("::")
        .sql(arrayTypeName(type)).sql(")");
  }

  /**
   * The array type values are bound as. Strings go as {@code text[]}, never {@code varchar(n)[]}:
   * an explicit cast to {@code varchar(n)} silently truncates, while assigning text to a
   * {@code varchar(n)} column fails on a value too long, as a single-row insert does.
   */
  private String arrayTypeName(DataType<?> type) {
    return switch (type.kind()) {
      case VARCHAR, CHAR, TEXT -> "text[]";
      default -> typeName(type) + "[]";
    };
  }

  private static boolean allParams(List<? extends Expr<?>> values) {
    for (Expr<?> v : values) {
      if (!(v instanceof Param<?>)) {
        return false;
      }
    }
    return true;
  }

  /** Whether values of {@code type} bind safely as a typed array (unnest, ANY). */
  private static boolean arrayable(DataType<?> type) {
    return switch (type.kind()) {
      case ENUM, JSON, JSONB, BYTES, CUSTOM, TIME -> false;
      default -> type.codec() == null || type.driverType() == type.javaType();
    };
  }

  private static boolean unnestable(InsertQuery node) {
    for (int c = 0; c < node.columns().size(); c++) {
      if (!arrayable(node.columns().get(c).dataType())) {
        return false;
      }
    }
    for (List<Expr<?>> row : node.rows()) {
      for (Expr<?> cell : row) {
        if (!(cell instanceof Param<?>)) {
          return false;
        }
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static <T> Object driverValue(Param<T> p) {
    return p.type().toDriver(p.value());
  }

  /**
   * PostgreSQL text cannot hold a NUL character; the server's error (22021) names no column, so it
   * is refused before sending, naming it.
   */
  @Override public String refusal(Object driverValue) {
    return driverValue instanceof String s && s.indexOf('\0') >= 0
        ? "a NUL character (U+0000), which PostgreSQL text cannot hold" : null;
  }

  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null) {
      ctx.sql(" LIMIT ").bind(node.limit());
    }
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset());
    }
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

  /**
   * Creates the enum type once; a second run finds it and does nothing. The block is quoted with a
   * dollar tag that no label contains: {@code $$}, else {@code $sluice$}, {@code $sluice1$}, ...
   */
  @Override protected List<String> createEnumType(EnumType<?> type) {
    StringBuilder labels = new StringBuilder();
    for (String l : type.labels()) {
      labels.append(labels.length() > 0 ? ", " : "").append(enumLabel(type, l));
    }
    String body = " CREATE TYPE " + quote(type.name()) + " AS ENUM (" + labels
        + ");\nEXCEPTION\n WHEN duplicate_object THEN null;\n";
    String tag = "$$";
    for (int n = 0; body.contains(tag); n++) {
      tag = n == 0 ? "$sluice$" : "$sluice" + n + "$";
    }
    return List.of("DO " + tag + " BEGIN\n" + body + "END " + tag);
  }

  /** An enum label as a literal; a NUL, which PostgreSQL cannot store, is refused. */
  protected final String enumLabel(EnumType<?> type, String label) {
    if (label.indexOf('\0') >= 0) {
      throw new dev.sluice.error.DataException("Enum label of " + type.name() + " contains a NUL character "
          + "(U+0000), which " + name() + " cannot store in text", null, null, null, null);
    }
    return stringLiteral(label);
  }

  /**
   * A backslash is a plain character in a standard string, but an escape when
   * {@code standard_conforming_strings} is off: a string holding one is written as an escape string,
   * which means the same under both settings: {@code E'back\\slash'}.
   */
  @Override protected String stringLiteral(String value) {
    if (value.indexOf('\\') < 0) {
      return super.stringLiteral(value);
    }
    return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** {@code decode('00ff', 'hex')}: the same under every {@code standard_conforming_strings}. */
  @Override protected String bytesLiteral(byte[] value) {
    return "decode('" + hex(value) + "', 'hex')";
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
