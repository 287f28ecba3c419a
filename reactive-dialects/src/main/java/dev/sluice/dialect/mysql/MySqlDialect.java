package dev.sluice.dialect.mysql;

import dev.sluice.error.SluiceException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Codec;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.Index;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Arithmetic;
import dev.sluice.sql.Cast;
import dev.sluice.sql.Like;
import dev.sluice.sql.OrderItem;
import dev.sluice.sql.Param;
import dev.sluice.sql.RenderedSql;
import dev.sluice.sql.SelectQuery;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL 8 through io.asyncer's r2dbc-mysql: backtick quoting, {@code ?} markers,
 * {@code LIMIT ? OFFSET ?}, {@code ON DUPLICATE KEY UPDATE} upserts, native {@code ENUM('a', 'b')}
 * columns, {@code AUTO_INCREMENT} keys; up to 65535 binds per statement.
 *
 * <pre>{@code
 * SELECT `id`, `name` FROM `cities` WHERE `name` LIKE CONVERT(? USING utf8mb4) COLLATE utf8mb4_bin
 *   ORDER BY ISNULL(`name`), `name` LIMIT ? OFFSET ?
 * }</pre>
 *
 * <p>Where MySQL differs from PostgreSQL, it renders SQL that keeps PostgreSQL's meaning:
 * <ul>
 *   <li>{@code like} is case-sensitive: MySQL's default collations ignore case, so the pattern is
 *       compared under {@code utf8mb4_bin}; {@code ilike} is {@code LOWER(a) LIKE LOWER(b)}.</li>
 *   <li>{@code ||} is OR in MySQL: concatenation is {@code CONCAT(a, b)}; {@code length} counts
 *       characters ({@code CHAR_LENGTH}), not bytes.</li>
 *   <li>{@code NULLS FIRST/LAST} is emulated with an {@code ISNULL(x)} term before {@code x}.</li>
 *   <li>An offset without a limit is {@code LIMIT 18446744073709551615 OFFSET ?}.</li>
 *   <li>There is no RETURNING: {@code insertInto(t).values(r).returning()} inserts each row with
 *       {@code returnGeneratedValues(key)} ({@code LAST_INSERT_ID()}) and reads it back by primary
 *       key on the same connection. {@code update/delete ... returning()} are unsupported.</li>
 *   <li>Types: {@code BOOLEAN} is {@code TINYINT(1)}, {@code real} is {@code FLOAT}, {@code text}
 *       is {@code LONGTEXT}, bytes {@code LONGBLOB}, JSON {@code JSON}, timestamps
 *       {@code DATETIME(6)}. A UUID is {@code CHAR(36)} text (the driver has no UUID codec). A
 *       {@code timestamptz} is a {@code DATETIME(6)} holding UTC: an {@code OffsetDateTime} is
 *       converted to UTC when bound and read back at offset UTC, whatever the session time zone;
 *       a {@code CURRENT_TIMESTAMP}/{@code now()} default on it becomes {@code (UTC_TIMESTAMP(6))}.</li>
 *   <li>Indexes are declared inside {@code CREATE TABLE} (MySQL has no {@code CREATE INDEX IF NOT
 *       EXISTS}); partial indexes are unsupported.</li>
 *   <li>Errors are classified by MySQL error number ({@code R2dbcException.getErrorCode()}): 1062
 *       unique, 1451/1452 foreign key, 1048/1364 not null, 3819 (MariaDB 4025) check, 1213
 *       deadlock, 1406 value too long, 1264/1265/1292/1366/1367 refused value (its column named
 *       from the message); 1205 (lock wait timeout) stays a plain {@link SluiceException}. The table comes
 *       from the message or the failed statement; a duplicate value is redacted from the message
 *       unless bound values may be revealed.</li>
 * </ul>
 */
public class MySqlDialect extends StandardDialect {
  /** {@code KILL QUERY} of the session, whose id is asked of the connection first. */
  @Override public reactor.core.publisher.Mono<dev.sluice.spi.StatementCanceller> canceller(
      io.r2dbc.spi.Connection connection, io.r2dbc.spi.ConnectionFactory unpooled) {
    return KillQuery.asking(connection, unpooled);
  }

  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .upsertStyle(Capabilities.UpsertStyle.ON_DUPLICATE_KEY)
      .nullsOrdering(false)
      .nativeEnums(true)
      .maxBindParameters(65535)
      .build();

  /** A UUID bound as its 36-character text. */
  static final Codec<UUID> UUID_TEXT = Codec.of(String.class, UUID::toString, UUID::fromString);

  /** An {@code OffsetDateTime} bound as the UTC wall time a {@code DATETIME(6)} holds. */
  static final Codec<OffsetDateTime> UTC_DATETIME = Codec.of(LocalDateTime.class,
      t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), t -> t.atOffset(ZoneOffset.UTC));

  private static final Pattern DML_TABLE = Pattern.compile(
      "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+`((?:[^`]|``)+)`",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate entry '(.*)' for key '(?:([^'.]+)\\.)?([^']+)'",
      Pattern.DOTALL);
  private static final Pattern NULL_COLUMN = Pattern.compile("(?:Column|Field) '([^']+)' (?:cannot be null|doesn't have a default value)");
  private static final Pattern FOREIGN_KEY = Pattern.compile(
      "foreign key constraint fails \\(`[^`]*`\\.`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \\(`([^`]+)`");
  private static final Pattern MYSQL_CHECK = Pattern.compile("Check constraint '([^']+)' is violated");
  private static final Pattern MARIADB_CHECK = Pattern.compile("CONSTRAINT `([^`]+)` failed for `[^`]*`\\.`([^`]+)`");
  /** {@code for column 'phone' at row 1} (MySQL) or {@code for column `db`.`users`.`id` at row 1} (MariaDB). */
  private static final Pattern VALUE_COLUMN = Pattern.compile(
      "for column (?:'([^']+)'|`(?:[^`]|``)*`\\.`((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`) at row");
  private static final Pattern QUOTED_VALUE = Pattern.compile("value: '.*?' for", Pattern.DOTALL);

  /** A SELECT of values only reads from {@code DUAL}. */
  @Override protected void appendNoFrom(dev.sluice.spi.RenderContext ctx) {
    ctx.sql(" FROM DUAL");
  }

  @Override public String name() { return "mysql"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "MySQL".equalsIgnoreCase(metadata.getName());
  }

  /** Backticks, doubling an embedded backtick. */
  @Override public String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  /** UUIDs bind as text and {@code OffsetDateTime}s as their UTC wall time, which the drivers store. */
  @Override public void visitParam(Param<?> node, RenderContext ctx) {
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

  /** Reads UUIDs from text and {@code OffsetDateTime}s from UTC {@code DATETIME(6)}. */
  @Override public Row adaptRow(Row row) {
    return new MySqlRow(row);
  }

  /** The multi-table form: {@code UPDATE t, a SET t.c = v WHERE ...}. */
  @Override protected void appendUpdateFrom(dev.sluice.sql.UpdateQuery node, RenderContext ctx) {
    if (!node.returning().isEmpty()) {
      throw new dev.sluice.error.UnsupportedByDialectException("UPDATE ... RETURNING", name());
    }
    boolean previous = ctx.qualify(true);
    ctx.sql("UPDATE ").identifier(node.table().name());
    appendFromList(node.from(), ", ", ctx);
    ctx.sql(" SET ");
    appendAssignments(node.assignments(), true, ctx);
    where(node.where(), ctx);
    ctx.qualify(previous);
  }

  /** {@code LIMIT ? OFFSET ?}; an offset alone is {@code LIMIT 18446744073709551615 OFFSET ?}. */
  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null) {
      ctx.sql(" LIMIT ").bind(node.limit());
    } else if (node.offset() != null) {
      ctx.sql(" LIMIT 18446744073709551615");
    }
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset());
    }
  }

  /** NULLS FIRST/LAST as a leading {@code ISNULL(x)} term: {@code ISNULL(x) DESC, x} puts nulls first. */
  @Override protected void appendOrderItem(OrderItem item, RenderContext ctx) {
    if (item.nulls() == OrderItem.Nulls.DEFAULT) {
      super.appendOrderItem(item, ctx);
      return;
    }
    ctx.sql("ISNULL(");
    item.expr().accept(this, ctx);
    ctx.sql(item.nulls() == OrderItem.Nulls.FIRST ? ") DESC, " : "), ");
    item.expr().accept(this, ctx);
    if (item.descending()) {
      ctx.sql(" DESC");
    }
  }

  /** Case-sensitive LIKE compares under {@code utf8mb4_bin}; ILIKE lowers both sides. */
  @Override public void visitLike(Like node, RenderContext ctx) {
    if (node.caseInsensitive()) {
      super.visitLike(node, ctx);
      return;
    }
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " NOT LIKE CONVERT(" : " LIKE CONVERT(");
    node.pattern().accept(this, ctx);
    ctx.sql(" USING utf8mb4) COLLATE utf8mb4_bin");
  }

  /** {@code ||} is OR in MySQL, so concatenation is {@code CONCAT(a, b)}. */
  @Override public void visitArithmetic(Arithmetic<?> node, RenderContext ctx) {
    if (node.op() != Arithmetic.Op.CONCAT) {
      super.visitArithmetic(node, ctx);
      return;
    }
    ctx.sql("CONCAT(");
    node.left().accept(this, ctx);
    ctx.sql(", ");
    node.right().accept(this, ctx);
    ctx.sql(')');
  }

  /** {@code CAST} accepts only MySQL's cast types ({@code SIGNED}, {@code CHAR}, ...). */
  @Override public void visitCast(Cast<?> node, RenderContext ctx) {
    ctx.sql("CAST(");
    node.value().accept(this, ctx);
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

  /**
   * MySQL and MariaDB have no {@code DEFAULT VALUES}: a row that names no column is an empty row,
   * {@code INSERT INTO `t` () VALUES (), (), ()}.
   */
  @Override protected void appendDefaultRows(dev.sluice.sql.InsertQuery node, RenderContext ctx) {
    ctx.sql(" () VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", ()" : "()");
    }
  }

  // ---- DDL ----------------------------------------------------------------------------------

  /**
   * MySQL and MariaDB have no NaN or infinity in FLOAT and DOUBLE (the drivers send them as the bare
   * words {@code NaN} and {@code Infinity}, a syntax error), and store -0.0 as 0.0: refused before
   * sending.
   */
  @Override public String refusal(Object driverValue) {
    if (dev.sluice.spi.SpecialValues.isNaN(driverValue) || dev.sluice.spi.SpecialValues.isInfinite(driverValue)) {
      return driverValue + ", which " + name() + " cannot store in a DOUBLE";
    }
    return dev.sluice.spi.SpecialValues.isNegativeZero(driverValue)
        ? "-0.0, which " + name() + " stores as 0.0" : null;
  }

  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER, SERIAL -> "INT";
      case BIGINT, BIGSERIAL -> "BIGINT";
      case BOOLEAN -> "BOOLEAN";
      case VARCHAR -> "VARCHAR(" + t.length() + ")";
      case CHAR -> "CHAR(" + t.length() + ")";
      case TEXT -> "LONGTEXT";
      case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
      case REAL, DOUBLE -> "DOUBLE"; // a FLOAT column reads back rounded to 6 digits (1.17549E-38)
      case DATE -> "DATE";
      case TIME -> "TIME(6)";
      case TIMESTAMP, TIMESTAMPTZ -> "DATETIME(6)";
      case UUID -> uuidTypeName();
      case JSON, JSONB -> "JSON";
      case BYTES -> "LONGBLOB";
      case ENUM -> enumTypeName(t);
      case CUSTOM -> t.sqlName();
    };
  }

  /** The column type of a UUID: {@code CHAR(36)}. */
  protected String uuidTypeName() {
    return "CHAR(36)";
  }

  private String enumTypeName(DataType<?> t) {
    StringBuilder s = new StringBuilder("ENUM(");
    List<String> labels = t.enumType().labels();
    for (int i = 0; i < labels.size(); i++) {
      s.append(i > 0 ? ", " : "").append(labelLiteral(labels.get(i)));
    }
    return s.append(')').toString();
  }

  /**
   * An ENUM label, which must be a literal (no expression): with a backslash or a NUL, hexadecimal
   * UTF-8 ({@code X'5c27'}), read alike whatever the SQL mode and taken in the column's character set.
   */
  private String labelLiteral(String label) {
    if (label.indexOf('\\') < 0 && label.indexOf('\0') < 0) {
      return super.stringLiteral(label);
    }
    return "X'" + hex(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "'";
  }

  /**
   * A backslash escapes in MySQL's default SQL mode and is a plain character under
   * {@code NO_BACKSLASH_ESCAPES}, so a default holding one (or a NUL) is an expression without
   * backslashes, read alike in both modes: {@code (CONCAT('it''s ', CHAR(92 USING utf8mb4), ''''))}
   * for {@code it's \'}. (A hexadecimal literal would do for VARCHAR, but MariaDB re-reads a TEXT
   * default with the backslash unescaped.) Any other string is {@code 'it''s'}, alike in both modes.
   */
  @Override protected String stringLiteral(String value) {
    if (value.indexOf('\\') < 0 && value.indexOf('\0') < 0) {
      return super.stringLiteral(value);
    }
    StringBuilder s = new StringBuilder("(CONCAT(");
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      char c = i < value.length() ? value.charAt(i) : 0;
      if (i == value.length() || c == '\\' || c == 0) {
        if (i > start) {
          s.append(s.length() > 8 ? ", " : "").append(super.stringLiteral(value.substring(start, i)));
        }
        if (i < value.length()) {
          s.append(s.length() > 8 ? ", " : "").append("CHAR(").append((int) c).append(" USING utf8mb4)");
        }
        start = i + 1;
      }
    }
    return s.append("))").toString();
  }

  /** MySQL and MariaDB keep a NUL in text, and the hexadecimal literal writes it. */
  @Override protected boolean literalsHoldNul() {
    return true;
  }

  @Override protected String generatedColumnType(DataType<?> type) {
    return typeName(type) + " AUTO_INCREMENT";
  }

  /**
   * The standard CREATE TABLE with the indexes declared inside it (MySQL has no {@code CREATE INDEX
   * IF NOT EXISTS}), and timestamp defaults given MySQL's precision rules.
   */
  @Override public List<String> createTable(Table<?> table) {
    List<String> out = new ArrayList<>();
    for (String statement : super.createTable(table)) {
      if (statement.startsWith("CREATE TABLE")) {
        out.add(withIndexes(table, withTimestampDefaults(table, statement)));
      } else if (!statement.startsWith("CREATE INDEX") && !statement.startsWith("CREATE UNIQUE INDEX")) {
        out.add(statement);
      }
    }
    return out;
  }

  private String withIndexes(Table<?> table, String create) {
    StringBuilder extra = new StringBuilder();
    for (Index i : table.meta().indexes()) {
      if (i.where() != null) {
        throw new UnsupportedByDialectException("Partial index " + i.name() + " (WHERE " + i.where() + ")", name());
      }
      extra.append(",\n  ").append(i.unique() ? "UNIQUE INDEX " : "INDEX ").append(quote(i.name())).append(" (");
      for (int c = 0; c < i.columns().size(); c++) {
        extra.append(c > 0 ? ", " : "").append(quote(i.columns().get(c).name()));
      }
      extra.append(')');
    }
    int end = create.lastIndexOf("\n)");
    return create.substring(0, end) + extra + create.substring(end);
  }

  private String withTimestampDefaults(Table<?> table, String create) {
    String out = create;
    for (Column<?> c : table.columns()) {
      SqlKind kind = c.dataType().kind();
      String def = c.defaultSql();
      if (def == null || (kind != SqlKind.TIMESTAMP && kind != SqlKind.TIMESTAMPTZ)
          || !def.trim().matches("(?i)current_timestamp(\\(\\))?|now\\(\\)|localtimestamp(\\(\\))?")) {
        continue;
      }
      String replacement = kind == SqlKind.TIMESTAMPTZ ? "(UTC_TIMESTAMP(6))" : "CURRENT_TIMESTAMP(6)";
      String head = "\n  " + quote(c.name()) + " ";
      int at = out.indexOf(head);
      int lineEnd = out.indexOf('\n', at + 1);
      String line = out.substring(at, lineEnd < 0 ? out.length() : lineEnd)
          .replace(" DEFAULT " + def, " DEFAULT " + replacement);
      out = out.substring(0, at) + line + (lineEnd < 0 ? "" : out.substring(lineEnd));
    }
    return out;
  }

  // ---- errors -------------------------------------------------------------------------------

  /** Classifies, names the table and column, and redacts values MySQL writes into its messages. */
  @Override public SluiceException translate(Throwable error, RenderedSql sql, boolean revealBinds) {
    ErrorKind kind = classify(error);
    ConstraintInfo info = constraintInfo(error, sql == null ? null : sql.sql());
    return ErrorTranslator.translate(kind, revealBinds ? error : redacted(error), sql, revealBinds, info);
  }

  /** Classifies by MySQL error number; other errors by SQLSTATE. */
  @Override protected ErrorKind classify(Throwable error) {
    R2dbcException e = driverError(error);
    int code = e == null ? 0 : e.getErrorCode();
    return switch (code) {
      case 1062, 1586, 1022, 1169 -> ErrorKind.UNIQUE;
      case 1451, 1452, 1216, 1217 -> ErrorKind.FOREIGN_KEY;
      case 1048, 1364, 1263 -> ErrorKind.NOT_NULL;
      case 3819, 4025 -> ErrorKind.CHECK;
      case 1213 -> ErrorKind.DEADLOCK;
      case 1406 -> ErrorKind.VALUE_TOO_LONG; // data too long for column
      case 1264, 1265, 1292, 1366, 1367 -> ErrorKind.DATA; // out of range, truncated, incorrect value
      case 1020 -> ErrorKind.SERIALIZATION; // MariaDB: record changed since last read (snapshot isolation)
      case 1205, 3572 -> ErrorKind.LOCK_NOT_AVAILABLE; // lock wait timeout, NOWAIT: only the statement failed
      case 3024, 1969 -> ErrorKind.QUERY_TIMEOUT; // MAX_EXECUTION_TIME, MariaDB's max_statement_time
      case 1317 -> ErrorKind.QUERY_CANCELLED; // query execution was interrupted
      case 1142, 1143, 1044, 1045, 1227, 1370 -> ErrorKind.PERMISSION_DENIED;
      case 1792 -> ErrorKind.PERMISSION_DENIED; // a write in a READ ONLY transaction
      default -> super.classify(error);
    };
  }

  /** The driver error carrying MySQL's error number. */
  static R2dbcException driverError(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof R2dbcException r && r.getErrorCode() != 0) {
        return r;
      }
    }
    return null;
  }

  /** Table, column and constraint from MySQL's message, the table otherwise from the failed statement. */
  static ConstraintInfo constraintInfo(Throwable error, String sql) {
    R2dbcException e = driverError(error);
    String message = e == null ? (error == null ? null : error.getMessage()) : e.getMessage();
    String table = null;
    if (sql != null) {
      Matcher m = DML_TABLE.matcher(sql);
      if (m.find()) {
        table = m.group(1).replace("``", "`");
      }
    }
    if (message == null) {
      return table == null ? ConstraintInfo.NONE : new ConstraintInfo(table, null, null);
    }
    Matcher m = DUPLICATE.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(m.group(2) != null ? m.group(2) : table, null, m.group(3));
    }
    m = NULL_COLUMN.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(table, m.group(1), null);
    }
    m = FOREIGN_KEY.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(m.group(1), m.group(3), m.group(2));
    }
    m = MYSQL_CHECK.matcher(message);
    if (m.find()) {
      return new ConstraintInfo(table, null, m.group(1));
    }
    m = MARIADB_CHECK.matcher(message);
    if (m.find()) {
      String constraint = m.group(1);
      String column = null;
      int dot = constraint.indexOf('.');
      if (dot > 0) { // a column's own CHECK is named "table.column" ... or after the column
        column = constraint.substring(dot + 1);
      }
      return new ConstraintInfo(m.group(2), column, constraint);
    }
    m = VALUE_COLUMN.matcher(message);
    if (m.find()) {
      return m.group(1) != null ? new ConstraintInfo(table, m.group(1), null)
          : new ConstraintInfo(m.group(2).replace("``", "`"), m.group(3).replace("``", "`"), null);
    }
    return table == null ? ConstraintInfo.NONE : new ConstraintInfo(table, null, null);
  }

  /** The error with the values MySQL quotes in its message (a duplicate entry, a bad value) replaced. */
  static Throwable redacted(Throwable error) {
    R2dbcException e = driverError(error);
    if (e == null || e.getMessage() == null) {
      return error;
    }
    String m = e.getMessage();
    Matcher dup = DUPLICATE.matcher(m);
    String safe = dup.find()
        ? m.substring(0, dup.start(1)) + "<redacted>" + m.substring(dup.end(1))
        : QUOTED_VALUE.matcher(m).replaceAll("value: '<redacted>' for");
    return safe.equals(m) ? error : dev.sluice.spi.ErrorTranslator.redacted(e, safe);
  }
}
