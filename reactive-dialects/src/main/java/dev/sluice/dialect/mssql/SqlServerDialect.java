package dev.sluice.dialect.mssql;

import dev.sluice.error.SluiceException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Arithmetic;
import dev.sluice.sql.Assignment;
import dev.sluice.sql.DeleteQuery;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import dev.sluice.sql.UpdateQuery;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *   <li><b>Errors</b> are classified by SQL Server's error number ({@link R2dbcException#getErrorCode()}):
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

  /** {@code Violation of UNIQUE KEY constraint 'UQ_x'. ... in object 'dbo.users'. ...}. */
  private static final Pattern UNIQUE = Pattern.compile(
      "constraint '([^']+)'.*?object '(?:[^']*\\.)?([^'.]+)'", Pattern.DOTALL);
  /** {@code Cannot insert duplicate key row in object 'dbo.countries' with unique index 'ix'.}. */
  private static final Pattern UNIQUE_INDEX = Pattern.compile(
      "object '(?:[^']*\\.)?([^'.]+)' with unique index '([^']+)'", Pattern.DOTALL);
  /** {@code Cannot insert the value NULL into column 'full_name', table 'test.dbo.users'; ...}. */
  private static final Pattern NOT_NULL = Pattern.compile(
      "column '([^']+)', table '(?:[^']*\\.)?([^'.]+)'");
  /** {@code ... conflicted with the CHECK constraint "ck". ... table "dbo.t", column 'c'.}. */
  private static final Pattern CONFLICT = Pattern.compile(
      "constraint \"([^\"]+)\"(?:.*?table \"(?:[^\"]*\\.)?([^\".]+)\")?(?:, column '([^']+)')?",
      Pattern.DOTALL);
  private static final Pattern DUPLICATE_VALUE = Pattern.compile("The duplicate key value is \\(.*\\)\\.",
      Pattern.DOTALL);
  private static final Pattern LENGTH = Pattern.compile("(?i)\\blength\\(");

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

  @Override protected String functionName(String standardName) {
    return "LENGTH".equalsIgnoreCase(standardName) ? "LEN" : standardName;
  }

  /** String concatenation is {@code +}. */
  @Override public void visitArithmetic(Arithmetic<?> node, RenderContext ctx) {
    if (node.op() != Arithmetic.Op.CONCAT) {
      super.visitArithmetic(node, ctx);
      return;
    }
    ctx.sql('(');
    node.left().accept(this, ctx);
    ctx.sql(" + ");
    node.right().accept(this, ctx);
    ctx.sql(')');
  }

  // ---- SELECT -------------------------------------------------------------------------------

  /** A limit without an offset is {@code SELECT TOP (@Pn)}. */
  @Override protected void appendSelectPrefix(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null && node.offset() == null) {
      ctx.sql("TOP (").bind(node.limit()).sql(") ");
    }
  }

  /** Paging at the end only with an offset; a limit alone went to {@code TOP}. */
  @Override protected void appendSelectPaging(SelectQuery node, RenderContext ctx) {
    if (node.offset() != null) {
      appendLimitOffset(node, ctx);
    }
  }

  /** T-SQL has no {@code RECURSIVE} keyword: a common table may simply refer to itself. */
  @Override protected String recursiveWith() {
    return "WITH ";
  }

  /** T-SQL requires a MERGE statement to end with a semicolon. */
  @Override protected void appendMerge(InsertQuery node, RenderContext ctx) {
    super.appendMerge(node, ctx);
    ctx.sql(';');
  }

  /**
   * {@code OFFSET @Pn ROWS [FETCH NEXT @Pm ROWS ONLY]}, ordering by {@code (SELECT NULL)} if unordered.
   * A plain SELECT renders a bare limit as {@code TOP} and never calls this for it; elsewhere (a UNION's
   * paging) a bare limit is {@code OFFSET 0 ROWS FETCH NEXT @Pn ROWS ONLY}.
   */
  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.offset() == null && node.limit() == null) {
      return;
    }
    if (node.orderBy().isEmpty()) {
      ctx.sql(" ORDER BY (SELECT NULL)");
    }
    if (node.offset() == null) {
      ctx.sql(" OFFSET 0 ROWS");
    } else {
      ctx.sql(" OFFSET ").bind(node.offset()).sql(" ROWS");
    }
    if (node.limit() != null) {
      ctx.sql(" FETCH NEXT ").bind(node.limit()).sql(" ROWS ONLY");
    }
  }

  /** A table hint after a table reference: {@code WITH (UPDLOCK, ROWLOCK)} for {@code FOR UPDATE}. */
  /** T-SQL locks rows through table hints, placed after each table by {@link #appendTableLock}. */
  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
  }

  @Override protected void appendTableLock(LockMode lock, RenderContext ctx) {
    switch (lock) {
      case NONE -> { }
      case FOR_UPDATE -> ctx.sql(" WITH (UPDLOCK, ROWLOCK)");
      case FOR_SHARE -> ctx.sql(" WITH (REPEATABLEREAD, ROWLOCK)");
      case FOR_UPDATE_SKIP_LOCKED -> ctx.sql(" WITH (UPDLOCK, ROWLOCK, READPAST)");
      case FOR_UPDATE_NOWAIT -> ctx.sql(" WITH (UPDLOCK, ROWLOCK, NOWAIT)");
    }
  }

  /**
   * NULLs sort lowest: {@code ASC NULLS FIRST} / {@code DESC NULLS LAST} are plain; the other two get
   * a leading {@code CASE WHEN x IS NULL THEN 1 ELSE 0 END} (or {@code 0 ELSE 1}) key.
   */
  @Override protected void appendOrderItem(OrderItem item, RenderContext ctx) {
    boolean natural = item.nulls() == OrderItem.Nulls.DEFAULT
        || (item.nulls() == OrderItem.Nulls.FIRST) != item.descending();
    if (!natural) {
      ctx.sql("CASE WHEN ");
      item.expr().accept(this, ctx);
      ctx.sql(item.nulls() == OrderItem.Nulls.LAST ? " IS NULL THEN 1 ELSE 0 END, "
          : " IS NULL THEN 0 ELSE 1 END, ");
    }
    item.expr().accept(this, ctx);
    if (item.descending()) {
      ctx.sql(" DESC");
    }
  }

  // ---- writes -------------------------------------------------------------------------------

  /** With returned columns: {@code INSERT INTO t (cols) OUTPUT INSERTED.c, ... VALUES (...)}. */
  @Override public void visitInsert(InsertQuery node, RenderContext ctx) {
    if (node.columns().isEmpty() && node.rows().size() > 1 && node.upsert() == null) {
      mergeDefaultRows(node, ctx);
      return;
    }
    if (node.returning().isEmpty()
        || !node.equals(new InsertQuery(node.table(), node.columns(), node.rows(), node.returning()))) {
      super.visitInsert(node, ctx); // no OUTPUT, or an upsert: the standard rendering decides
      return;
    }
    ctx.sql("INSERT INTO ").identifier(node.table().name());
    if (node.columns().isEmpty()) {
      output("INSERTED", node.returning(), ctx);
      ctx.sql(" DEFAULT VALUES");
      return;
    }
    ctx.sql(" (");
    for (int i = 0; i < node.columns().size(); i++) {
      ctx.sql(i > 0 ? ", " : "").identifier(node.columns().get(i).name());
    }
    ctx.sql(')');
    output("INSERTED", node.returning(), ctx);
    ctx.sql(" VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (" : "(");
      list(node.rows().get(r), ctx);
      ctx.sql(')');
    }
  }

  /** One row that names no column is {@code DEFAULT VALUES}; several go through {@link #mergeDefaultRows}. */
  @Override protected void appendDefaultRows(InsertQuery node, RenderContext ctx) {
    if (node.rows().size() > 1) {
      throw new IllegalStateException("rendered by mergeDefaultRows");
    }
    ctx.sql(" DEFAULT VALUES");
  }

  /**
   * Several rows that name no column: T-SQL allows neither {@code DEFAULT} for an identity column nor
   * several rows of {@code DEFAULT VALUES}, but a MERGE that matches nothing inserts one default row
   * per source row: {@code MERGE INTO [t] USING (VALUES (1), (1)) AS [s] ([n]) ON 1 = 0 WHEN NOT
   * MATCHED THEN INSERT DEFAULT VALUES OUTPUT INSERTED.[id];}.
   */
  private void mergeDefaultRows(InsertQuery node, RenderContext ctx) {
    ctx.sql("MERGE INTO ").identifier(node.table().name()).sql(" USING (VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (1)" : "(1)");
    }
    ctx.sql(") AS ").identifier("s").sql(" (").identifier("n")
        .sql(") ON 1 = 0 WHEN NOT MATCHED THEN INSERT DEFAULT VALUES");
    output("INSERTED", node.returning(), ctx);
    ctx.sql(';');
  }

  /** {@code UPDATE t SET c = @P0 OUTPUT INSERTED.c, ... [FROM a, b] WHERE ...}. */
  @Override public void visitUpdate(UpdateQuery node, RenderContext ctx) {
    boolean previous = ctx.qualify(!node.from().isEmpty());
    ctx.sql("UPDATE ").identifier(node.table().name()).sql(" SET ");
    appendAssignments(node.assignments(), false, ctx);
    output("INSERTED", node.returning(), ctx);
    if (!node.from().isEmpty()) {
      appendFromList(node.from(), " FROM ", ctx);
    }
    where(node.where(), ctx);
    ctx.qualify(previous);
  }

  /** {@code DELETE FROM t OUTPUT DELETED.c, ... WHERE ...}. */
  @Override public void visitDelete(DeleteQuery node, RenderContext ctx) {
    ctx.sql("DELETE FROM ").identifier(node.table().name());
    output("DELETED", node.returning(), ctx);
    where(node.where(), ctx);
  }

  /** RETURNING is placed as {@code OUTPUT} by the statement visitors, never at the end. */
  @Override protected void appendReturning(List<Column<?>> returning, RenderContext ctx) {
    if (!returning.isEmpty()) {
      throw new IllegalStateException("SQL Server returns rows through OUTPUT, placed by the statement");
    }
  }

  private void output(String pseudoTable, List<Column<?>> columns, RenderContext ctx) {
    if (columns.isEmpty()) {
      return;
    }
    ctx.sql(" OUTPUT ");
    for (int i = 0; i < columns.size(); i++) {
      ctx.sql(i > 0 ? ", " : "").sql(pseudoTable).sql(".").identifier(columns.get(i).name());
    }
  }

  // ---- DDL ----------------------------------------------------------------------------------

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

  @Override protected String generatedColumnType(DataType<?> type) {
    return (type.kind() == SqlKind.BIGSERIAL ? "BIGINT" : "INT") + " IDENTITY(1,1)";
  }

  /**
   * {@code IF OBJECT_ID(N'cities', N'U') IS NULL CREATE TABLE [cities] (...)}, and each index guarded
   * by {@code IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix' AND object_id =
   * OBJECT_ID(N't'))}.
   */
  @Override public List<String> createTable(Table<?> table) {
    List<String> out = new ArrayList<>();
    String createTable = "CREATE TABLE IF NOT EXISTS ";
    for (String s : super.createTable(table)) {
      if (s.startsWith(createTable)) {
        out.add("IF OBJECT_ID(" + nString(table.name()) + ", N'U') IS NULL CREATE TABLE "
            + rewriteFunctions(s.substring(createTable.length())));
      } else if (s.startsWith("CREATE INDEX IF NOT EXISTS ") || s.startsWith("CREATE UNIQUE INDEX IF NOT EXISTS ")) {
        String create = s.replaceFirst(" IF NOT EXISTS ", " ");
        String index = create.substring(create.indexOf("INDEX ") + 6, create.indexOf(" ON "));
        out.add("IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = "
            + nString(index.substring(1, index.length() - 1).replace("]]", "]"))
            + " AND object_id = OBJECT_ID(" + nString(table.name()) + ")) " + create);
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** {@code length(} in checks and defaults is {@code LEN(} (outside quoted identifiers). */
  private static String rewriteFunctions(String ddl) {
    StringBuilder out = new StringBuilder(ddl.length());
    int i = 0;
    while (i < ddl.length()) {
      int bracket = ddl.indexOf('[', i);
      int quote = ddl.indexOf('\'', i);
      int open = bracket < 0 ? quote : quote < 0 ? bracket : Math.min(bracket, quote);
      String plain = open < 0 ? ddl.substring(i) : ddl.substring(i, open);
      out.append(LENGTH.matcher(plain).replaceAll("LEN("));
      if (open < 0) {
        break;
      }
      char end = ddl.charAt(open) == '[' ? ']' : '\'';
      int close = open + 1;
      while (close < ddl.length()) { // a quoted identifier or string ends at a ] or ' that is not doubled
        if (ddl.charAt(close) == end) {
          if (close + 1 < ddl.length() && ddl.charAt(close + 1) == end) {
            close += 2;
            continue;
          }
          break;
        }
        close++;
      }
      out.append(ddl, open, Math.min(close + 1, ddl.length()));
      i = close + 1;
    }
    return out.toString();
  }

  /**
   * {@code N'...'}, so that text outside the code page keeps its characters. T-SQL drops a backslash
   * followed by a line break inside a string (a line continuation), so such a string is split after
   * the backslash and concatenated: {@code (N'a\\' + N'<LF>b')}.
   */
  @Override protected String stringLiteral(String value) {
    String s = nString(value);
    String split = s.replace("\\\r", "\\' + N'\r").replace("\\\n", "\\' + N'\n");
    return split.equals(s) ? s : "(" + split + ")";
  }

  /** {@code 1} or {@code 0}: there is no boolean literal (the column is a number). */
  @Override protected String booleanLiteral(boolean value) {
    return value ? "1" : "0";
  }

  /** {@code 0x00ff}. */
  @Override protected String bytesLiteral(byte[] value) {
    return "0x" + hex(value);
  }

  private static String nString(String s) {
    return "N'" + s.replace("'", "''") + "'";
  }

  // ---- errors -------------------------------------------------------------------------------

  /** By SQL Server error number; 547 is a foreign key or a check, told apart by its message. */
  @Override protected ErrorKind classify(Throwable error) {
    R2dbcException e = r2dbc(error);
    if (e == null) {
      return ErrorKind.fromDriverType(error);
    }
    return switch (e.getErrorCode()) {
      case 2627, 2601 -> ErrorKind.UNIQUE;
      case 547 -> {
        String m = String.valueOf(e.getMessage());
        yield m.contains("FOREIGN KEY") || m.contains("REFERENCE") ? ErrorKind.FOREIGN_KEY
            : m.contains("CHECK") ? ErrorKind.CHECK : ErrorKind.CONSTRAINT;
      }
      case 515 -> ErrorKind.NOT_NULL;
      case 1205 -> ErrorKind.DEADLOCK;
      case 3960 -> ErrorKind.SERIALIZATION;
      case 1222 -> ErrorKind.LOCK_NOT_AVAILABLE; // lock request time out (LOCK_TIMEOUT, NOWAIT)
      case 208, 207, 102, 156 -> ErrorKind.BAD_SQL; // invalid object, invalid column, syntax
      case 229, 230, 262 -> ErrorKind.PERMISSION_DENIED;
      case 8152, 2628 -> ErrorKind.VALUE_TOO_LONG; // string or binary data would be truncated
      default -> super.classify(error);
    };
  }

  @Override protected ConstraintInfo constraintInfo(Throwable error) {
    R2dbcException e = r2dbc(error);
    if (e == null || e.getMessage() == null) {
      return ConstraintInfo.NONE;
    }
    String m = e.getMessage();
    Matcher x;
    switch (e.getErrorCode()) {
      case 2627 -> {
        if ((x = UNIQUE.matcher(m)).find()) {
          return new ConstraintInfo(x.group(2), null, x.group(1));
        }
      }
      case 2601 -> {
        if ((x = UNIQUE_INDEX.matcher(m)).find()) {
          return new ConstraintInfo(x.group(1), null, x.group(2));
        }
      }
      case 515 -> {
        if ((x = NOT_NULL.matcher(m)).find()) {
          return new ConstraintInfo(x.group(2), x.group(1), null);
        }
      }
      case 547 -> {
        if ((x = CONFLICT.matcher(m)).find()) {
          boolean check = m.contains("CHECK");
          return new ConstraintInfo(check ? x.group(2) : null, check ? x.group(3) : null, x.group(1));
        }
      }
      default -> { }
    }
    return ConstraintInfo.NONE;
  }

  /** Redacts the duplicate key value SQL Server puts in unique-violation messages, unless allowed. */
  @Override public SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    R2dbcException e = r2dbc(error);
    if (revealBinds || e == null || e.getMessage() == null
        || !DUPLICATE_VALUE.matcher(e.getMessage()).find()) {
      return super.translate(error, sql, revealBinds);
    }
    String redacted = DUPLICATE_VALUE.matcher(e.getMessage())
        .replaceAll("The duplicate key value is (redacted).");
    R2dbcException copy = ErrorTranslator.redacted(e, redacted);
    return ErrorTranslator.translate(classify(copy), copy, sql, false, constraintInfo(copy));
  }

  private static R2dbcException r2dbc(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException r) {
        return r;
      }
    }
    return null;
  }
}
