package dev.sluice.dialect.mssql;

import dev.sluice.schema.DataType;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.UpsertStrategy;
import dev.sluice.spi.WriteRenderer;
import io.r2dbc.spi.ConnectionFactoryMetadata;

/**
 * Microsoft SQL Server (2016 or later) through r2dbc-mssql: {@code [ident]} quoting, {@code @P0, @P1, ...}
 * markers bound by index (r2dbc-mssql binds positionally in the order the {@code @name} parameters
 * first appear, which is exactly the order they are rendered), {@code OFFSET/FETCH} paging,
 * {@code OUTPUT INSERTED.*} in place of {@code RETURNING}, {@code MERGE} upserts.
 *
 * <pre>{@code
 * SELECT [id], [name] FROM [cities] WHERE [country_id] = @P0 ORDER BY [name]
 *   OFFSET @P1 ROWS FETCH NEXT @P2 ROWS ONLY
 * INSERT INTO [users] ([full_name]) OUTPUT INSERTED.[id], INSERTED.[full_name] VALUES (@P0)
 * SELECT TOP (@P0) [id] FROM [cities] WITH (UPDLOCK, ROWLOCK) WHERE [id] = @P1
 * }</pre>
 *
 * <p>Where SQL Server differs:
 * <ul>
 *   <li><b>Paging.</b> {@code OFFSET ... FETCH} needs an {@code ORDER BY}; without one the query is
 *       ordered by {@code (SELECT NULL)} (no particular order, as elsewhere). A limit without an
 *       offset is {@code SELECT TOP (@Pn)}.</li>
 *   <li><b>RETURNING</b> is an {@code OUTPUT} clause: before {@code VALUES} in an INSERT, before
 *       {@code WHERE} in UPDATE ({@code INSERTED.}, the new values) and DELETE ({@code DELETED.}).
 *       SQL Server rejects a plain {@code OUTPUT} on a table with enabled triggers.</li>
 *   <li><b>NULLS FIRST/LAST</b> does not exist. SQL Server sorts NULL lowest, so {@code ASC NULLS
 *       FIRST} and {@code DESC NULLS LAST} are the natural order and render as plain {@code ASC} /
 *       {@code DESC}; the other two are emulated with a leading
 *       {@code CASE WHEN x IS NULL THEN 1 ELSE 0 END} key (which SQL Server rejects together with
 *       {@code SELECT DISTINCT}, as the key is not in the select list).</li>
 *   <li><b>LIKE</b> follows the column's collation: with the default {@code *_CI_AS} collations it
 *       ignores case, unlike PostgreSQL. {@code ilike} is {@code LOWER(a) LIKE LOWER(b)}.</li>
 *   <li><b>Functions.</b> {@code length} is {@code LEN} (which ignores trailing spaces), string
 *       {@code ||} is {@code +}. In DDL, {@code length(} inside {@code check(...)} and
 *       {@code defaultSql(...)} text is rewritten to {@code LEN(} so that portable checks such as
 *       {@code length(name) > 0} create; any other raw SQL is used verbatim and must be T-SQL.</li>
 *   <li><b>Row locks</b> are table hints after each table of the FROM clause: {@code FOR UPDATE} is
 *       {@code WITH (UPDLOCK, ROWLOCK)}, {@code FOR SHARE} is {@code WITH (REPEATABLEREAD, ROWLOCK)},
 *       {@code SKIP LOCKED} adds {@code READPAST} and {@code NOWAIT} adds {@code NOWAIT}.</li>
 *   <li><b>Types.</b> {@code BIT} booleans, {@code INT IDENTITY(1,1)} serials (an explicit id needs
 *       {@code SET IDENTITY_INSERT}), {@code NVARCHAR(n)} / {@code NVARCHAR(MAX)} text and JSON,
 *       {@code DATETIME2}, {@code DATETIMEOFFSET}, {@code UNIQUEIDENTIFIER}, {@code VARBINARY(MAX)},
 *       enums as {@code NVARCHAR(255)} with a {@code CHECK (col IN (...))}. A {@code UNIQUE} column
 *       admits a single NULL in SQL Server.</li>
 *   <li><b>DDL.</b> {@code IF OBJECT_ID(N'cities', N'U') IS NULL CREATE TABLE ...} and
 *       {@code IF NOT EXISTS (SELECT 1 FROM sys.indexes ...) CREATE INDEX ...}; {@code DROP TABLE IF
 *       EXISTS} (2016+).</li>
 *   <li><b>Batches.</b> One INSERT may carry at most 1000 rows and 2100 parameters, so the bind
 *       limit is declared as 1000: a multi-row insert never exceeds either.</li>
 *   <li><b>Errors</b> are classified by SQL Server's error number ({@code R2dbcException.getErrorCode()}):
 *       2627/2601 unique, 547 foreign key or check (told apart by the message), 515 not null, 1205
 *       deadlock, 3960 snapshot update conflict (a serialization failure). The duplicate value that
 *       SQL Server puts in unique-violation messages is redacted unless bound values may be shown.</li>
 * </ul>
 */
public class SqlServerDialect extends StandardDialect {
  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .returning(true)
      .ddlIsTransactional(true)
      .nullsOrdering(false)
      .maxBindParameters(1000)
      .build();

  @Override public String name() { return "sqlserver"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "Microsoft SQL Server".equalsIgnoreCase(metadata.getName());
  }

  /** {@code [name]}, doubling an embedded {@code ]}. */
  @Override public String quote(String identifier) {
    return '[' + identifier.replace("]", "]]") + ']';
  }

  /** {@code @P0, @P1, ...}: bound by index, in rendering order. */
  @Override protected void appendBindMarker(RenderContext ctx, int index, DataType<?> type) {
    ctx.sql("@P").sql(Integer.toString(index));
  }

  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER, SERIAL -> "INT";
      case BIGINT, BIGSERIAL -> "BIGINT";
      case BOOLEAN -> "BIT";
      case VARCHAR -> t.length() > 4000 ? "NVARCHAR(MAX)" : "NVARCHAR(" + t.length() + ")";
      case CHAR -> "NCHAR(" + t.length() + ")";
      case TEXT, JSON, JSONB -> "NVARCHAR(MAX)";
      case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
      case REAL -> "REAL";
      case DOUBLE -> "FLOAT";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "DATETIME2";
      case TIMESTAMPTZ -> "DATETIMEOFFSET";
      case UUID -> "UNIQUEIDENTIFIER";
      case BYTES -> "VARBINARY(MAX)";
      case ENUM -> "NVARCHAR(255)";
      case CUSTOM -> t.sqlName();
    };
  }

  @Override protected dev.sluice.spi.JsonRenderer newJsonRenderer() {
    return new SqlServerJson(this);
  }

  @Override protected ExpressionRenderer newExpressionRenderer() {
    return new SqlServerExpressions(this);
  }

  @Override protected SelectRenderer newSelectRenderer() {
    return new SqlServerSelects(this);
  }

  @Override protected WriteRenderer newWriteRenderer() {
    return new SqlServerWrites(this);
  }

  @Override protected UpsertStrategy newUpsertStrategy() {
    return new SqlServerMerge(this);
  }

  @Override protected DdlRenderer newDdlRenderer() {
    return new SqlServerDdl(this);
  }

  /** A strict JSON path read met a boolean of another type: the failed conversion of a text naming it. */
  @Override public boolean isJsonTypeMismatch(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.contains("Conversion failed") && m.contains("JSON value at ")) {
        return true;
      }
    }
    return false;
  }

  @Override protected ErrorClassifier newErrorClassifier() {
    return new SqlServerClassifier();
  }
}
