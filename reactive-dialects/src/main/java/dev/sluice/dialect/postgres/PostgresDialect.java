package dev.sluice.dialect.postgres;

import dev.sluice.schema.DataType;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import io.r2dbc.spi.ConnectionFactoryMetadata;

/**
 * PostgreSQL through r2dbc-postgresql: {@code $n} markers, {@code LIMIT/OFFSET}, {@code RETURNING},
 * {@code ILIKE}, native enum types (binds cast with {@code ::type}), {@code ON CONFLICT} upserts.
 *
 * <pre>{@code
 * SELECT "id", "name" FROM "cities" WHERE "country_id" = $1 ORDER BY "name" LIMIT $2 OFFSET $3
 * }</pre>
 */
public class PostgresDialect extends StandardDialect {
  /** PostgreSQL's cancel request (r2dbc-postgresql's or r2dbc-vertx's {@code cancelRequest()}). */
  @Override public reactor.core.publisher.Mono<dev.sluice.spi.StatementCanceller> canceller(
      io.r2dbc.spi.Connection connection, io.r2dbc.spi.ConnectionFactory unpooled) {
    return reactor.core.publisher.Mono.fromSupplier(() -> {
      dev.sluice.spi.StatementCanceller c = dev.sluice.spi.StatementCanceller.NONE;
      try {
        c = PostgresCancel.of(connection);
      } catch (NoClassDefFoundError noDriver) {
        // r2dbc-postgresql absent
      }
      if (c == dev.sluice.spi.StatementCanceller.NONE) {
        try {
          c = VertxCancel.of(connection);
        } catch (NoClassDefFoundError noDriver) {
          // r2dbc-vertx absent
        }
      }
      return c;
    });
  }

  /**
   * For an r2dbc-postgresql URL: binary results ({@code forceBinary=true}, unless the URL sets
   * {@code forceBinary} itself), read by {@link PostgresExactCodecs}, so every value reads as it
   * does in text; see {@link PostgresConnectionOptions}.
   */
  @Override public io.r2dbc.spi.ConnectionFactoryOptions connectionOptions(io.r2dbc.spi.ConnectionFactoryOptions options) {
    try {
      return PostgresConnectionOptions.tune(options);
    } catch (NoClassDefFoundError noDriver) {
      return options;
    }
  }

  /**
   * r2dbc-postgresql sends a statement without binds over the simple query protocol, whose rows are
   * always text; a fetch size sends it over the extended protocol, and one this large fetches every
   * row with one Execute, so a binary connection reads it in binary too. It costs one round trip
   * more at the end (the portal is closed after the last row). r2dbc-vertx, which would read every
   * row of such a fetch size at once, is given its default rows per cursor fetch instead, so an
   * unbounded result streams ({@link VertxReads}).
   */
  @Override public void prepareUnboundRead(io.r2dbc.spi.Statement statement) {
    if (VertxReads.owns(statement)) {
      VertxReads.unbound(statement);
    } else {
      statement.fetchSize(Integer.MAX_VALUE);
    }
  }

  /**
   * r2dbc-vertx reads a statement with binds by cursor, in a transaction of its own outside one
   * ({@code BEGIN}, fetch, {@code COMMIT}); asked for every row at once it runs the statement once,
   * without either. r2dbc-postgresql is left as it is: without a fetch size it already runs a
   * statement once, and one would cost it a round trip more.
   */
  @Override public void prepareBoundedRead(io.r2dbc.spi.Statement statement) {
    if (VertxReads.owns(statement)) {
      VertxReads.bounded(statement);
    }
  }

  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .returning(true)
      .upsertStyle(Capabilities.UpsertStyle.ON_CONFLICT)
      .ddlIsTransactional(true)
      .nativeEnums(true)
      .maxBindParameters(32767)
      .nativeIlike(true)
      .build();

  @Override public String name() { return "postgresql"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  /** A PostgreSQL connection factory other than r2dbc-vertx's ({@link VertxPostgresDialect} takes those). */
  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "PostgreSQL".equalsIgnoreCase(metadata.getName()) && !VertxPostgresDialect.ofVertx(metadata);
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
   * PostgreSQL text cannot hold a NUL character; the server's error (22021) names no column, so it
   * is refused before sending, naming it.
   */
  @Override public String refusal(Object driverValue) {
    return driverValue instanceof String s && s.indexOf('\0') >= 0
        ? "a NUL character (U+0000), which PostgreSQL text cannot hold" : null;
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

  @Override protected dev.sluice.spi.JsonRenderer newJsonRenderer() {
    return new PostgresJson(this);
  }

  @Override protected ExpressionRenderer newExpressionRenderer() {
    return new PostgresExpressions(this);
  }

  @Override protected SelectRenderer newSelectRenderer() {
    return new PostgresSelects(this);
  }

  @Override protected WriteRenderer newWriteRenderer() {
    return new PostgresWrites(this);
  }

  @Override protected DdlRenderer newDdlRenderer() {
    return new PostgresDdl(this);
  }

  @Override protected ErrorClassifier newErrorClassifier() {
    return new PostgresClassifier();
  }
}
