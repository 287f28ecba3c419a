package dev.sluice.dialect.h2;

import dev.sluice.schema.DataType;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.UpsertStrategy;
import dev.sluice.spi.WriteRenderer;
import io.r2dbc.spi.ConnectionFactoryMetadata;

/**
 * H2 2.x through r2dbc-h2 (embedded, in the same JVM): {@code $n} markers, standard
 * {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}, {@code ILIKE}, {@code NULLS FIRST/LAST}, identity
 * columns, native {@code UUID} and {@code JSON} types, {@code MERGE} upserts.
 *
 * <pre>{@code
 * SELECT "id", "name" FROM FINAL TABLE (INSERT INTO "countries" ("name") VALUES ($1), ($2))
 * SELECT "id", "name" FROM "cities" WHERE "name" ILIKE $1 OFFSET $2 ROWS FETCH NEXT $3 ROWS ONLY
 * }</pre>
 *
 * <p>H2 has no RETURNING clause; a statement with {@code returning()} reads H2's data change delta
 * table instead: {@code SELECT cols FROM FINAL TABLE (INSERT ... | UPDATE ...)} and
 * {@code SELECT cols FROM OLD TABLE (DELETE ...)}. JSON values are bound with {@code FORMAT JSON}
 * (otherwise H2 stores a bound string as a JSON string). Identifiers are quoted and kept in the
 * case they are declared in: open the database with {@code DATABASE_TO_UPPER=FALSE}, e.g.
 * {@code r2dbc:h2:mem:///app?options=DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=FALSE}, so that
 * unquoted names in raw SQL and {@code check(...)} resolve to the same columns. Errors are
 * classified by SQLSTATE (H2 reports a failed CHECK as 23513); a duplicate or missing key value
 * that H2 writes into its message is redacted unless bound values may be revealed. {@code FOR
 * SHARE} is unsupported.
 *
 * <p>Enums are {@code VARCHAR(255)} with a {@code CHECK (col IN (...))}: H2's own {@code ENUM}
 * type rejects labels bound through r2dbc-h2 1.1.0 (22018 "Data conversion error converting
 * 'popular'") in multi-row inserts and delta-table reads.
 */
public class H2Dialect extends StandardDialect {
  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .returning(true)
      .maxBindParameters(32767)
      .nativeIlike(true)
      .build();

  @Override public String name() { return "h2"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  /**
   * Double-quotes an identifier, doubling embedded quotes. r2dbc-h2 1.1.0 splits every statement's
   * text at {@code ;} (quoted or not) before H2 parses it, so an identifier holding a semicolon is
   * written as a Unicode delimited identifier with the semicolon escaped:
   * {@code U&"odd\003B name"} (a backslash doubled, as that form requires).
   */
  @Override public String quote(String identifier) {
    if (identifier.indexOf(';') < 0) {
      return super.quote(identifier);
    }
    return "U&\"" + identifier.replace("\\", "\\\\").replace("\"", "\"\"").replace(";", "\\003B") + '"';
  }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "H2".equalsIgnoreCase(metadata.getName());
  }

  /** {@code $1, $2, ...}; a JSON value is {@code $n FORMAT JSON}. */
  @Override protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
    ctx.sql('$').sql(Integer.toString(index + 1));
    if ((type.codec() == null || type.codec() instanceof dev.sluice.schema.JsonCodec<?>) && (type.kind() == dev.sluice.schema.SqlKind.JSON
        || type.kind() == dev.sluice.schema.SqlKind.JSONB)) {
      ctx.sql(" FORMAT JSON");
    }
  }


  /** H2 keeps -0.0 as 0.0: refused rather than changed. */
  @Override public String refusal(Object driverValue) {
    return dev.sluice.spi.SpecialValues.isNegativeZero(driverValue) ? "-0.0, which H2 stores as 0.0" : null;
  }

  /** {@code TIME(6)}: H2's plain {@code TIME} drops the fraction of a second. */
  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case TIME -> "TIME(6)";
      case TEXT -> "CHARACTER VARYING";
      case JSON, JSONB -> "JSON";
      case BYTES -> "VARBINARY";
      default -> super.typeName(t);
    };
  }

  @Override protected SelectRenderer newSelectRenderer() {
    return new H2Selects(this);
  }

  @Override protected WriteRenderer newWriteRenderer() {
    return new H2Writes(this);
  }

  @Override protected UpsertStrategy newUpsertStrategy() {
    return new H2Merge(this);
  }

  @Override protected dev.sluice.spi.JsonRenderer newJsonRenderer() {
    return new H2Json(this);
  }

  @Override protected DdlRenderer newDdlRenderer() {
    return new H2Ddl(this);
  }

  @Override protected ErrorClassifier newErrorClassifier() {
    return new H2Classifier();
  }
}
