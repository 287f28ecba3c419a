package dev.sluice.dialect.sqlite;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.spi.RenderContext;
import dev.sluice.spi.SpecialValues;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Like;
import dev.sluice.sql.LockMode;
import dev.sluice.sql.Param;
import dev.sluice.sql.SelectQuery;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite (3.35 or later) through Sluice's {@code jdbc-sqlite-bridge} R2DBC driver: {@code ?} markers,
 * {@code LIMIT/OFFSET}, {@code RETURNING}, {@code NULLS FIRST/LAST}, {@code ON CONFLICT} upserts,
 * transactional DDL and savepoints; up to 32766 binds per statement.
 *
 * <pre>{@code
 * SELECT "id", "name" FROM "cities" WHERE "name" GLOB ? ORDER BY "name" LIMIT ? OFFSET ?
 * }</pre>
 *
 * <p>Where SQLite differs from PostgreSQL, it renders SQL that keeps PostgreSQL's meaning:
 * <ul>
 *   <li>{@code like} is case-sensitive: SQLite's {@code LIKE} ignores ASCII case, so it is rendered
 *       as {@code GLOB} (always case-sensitive) and the bound pattern is translated ({@code %} to
 *       {@code *}, {@code _} to {@code ?}, a literal {@code * ? [} to {@code [*] [?] [[]}, a
 *       backslash escapes the next character, as in PostgreSQL). The bind is still a bind.
 *       {@code ilike} is {@code LOWER(a) LIKE LOWER(b) ESCAPE '\'} (SQLite folds ASCII case only).</li>
 *   <li>Paging with an offset but no limit is {@code LIMIT -1 OFFSET ?}: SQLite needs a LIMIT.</li>
 *   <li>Serial keys are {@code INTEGER PRIMARY KEY AUTOINCREMENT} (ids are never reused); SQLite only
 *       generates values for a one-column integer primary key, so a serial column elsewhere gets none.</li>
 *   <li>Column types follow the bridge's storage: {@code BOOLEAN} is {@code INTEGER} 0/1; strings,
 *       JSON, UUIDs, enums (with a {@code CHECK (col IN (...))}) and dates/times (ISO-8601 text; a
 *       {@code timestamptz} as its UTC date and time, so that text order is time order) are
 *       {@code TEXT}. {@code varchar(n)} and {@code char(n)} get
 *       {@code CONSTRAINT "users.phone: at most 20 characters" CHECK (length("phone") <= 20)}, whose
 *       violation is a {@code ValueTooLongException} naming the table and column.</li>
 *   <li>{@code decimal(p, s)} is {@code DECIMAL_TEXT(p, s) COLLATE DECIMAL}: exact text (TEXT
 *       affinity, where NUMERIC affinity would round to a double), bound with the column's scale
 *       ({@code 1234.5} is stored as {@code 1234.50}), compared, sorted and indexed by value through
 *       the bridge's {@code DECIMAL} collation; a named check refuses more than {@code p - s} digits
 *       before the point (a {@code DataException} naming the column). Decimals stored as numbers by older versions (a
 *       {@code NUMERIC} column) are read formatted with the scale,
 *       {@code CASE WHEN typeof("amount") IN ('integer', 'real') THEN printf('%.2f', "amount") ELSE "amount" END}.</li>
 *   <li>NaN, -0.0 and dates outside the years 0000-9999, which SQLite would keep changed, are
 *       refused before sending (see {@link #refusal}).</li>
 *   <li>Errors are classified from the bridge's SQLite extended result code name (its SQLSTATE),
 *       e.g. {@code SQLITE_CONSTRAINT_UNIQUE}; table and column come from SQLite's message, e.g.
 *       {@code NOT NULL constraint failed: users.full_name}.</li>
 * </ul>
 */
public class SqliteDialect extends StandardDialect {
  /** The bridge's {@code sqlite3_interrupt} ({@link dev.sluice.r2dbc.sqlite.Interruptible}). */
  @Override public reactor.core.publisher.Mono<dev.sluice.spi.StatementCanceller> canceller(
      io.r2dbc.spi.Connection connection, io.r2dbc.spi.ConnectionFactory unpooled) {
    return reactor.core.publisher.Mono.fromSupplier(() -> {
      try {
        return SqliteCancel.of(connection);
      } catch (NoClassDefFoundError noBridge) {
        return dev.sluice.spi.StatementCanceller.NONE;
      }
    });
  }

  private static final Capabilities CAPABILITIES = Capabilities.builder()
      .returning(true)
      .upsertStyle(Capabilities.UpsertStyle.ON_CONFLICT)
      .ddlIsTransactional(true)
      .maxBindParameters(32766)
      .build();

  /** {@code UNIQUE constraint failed: users.email}, {@code CHECK constraint failed: name}, ... */
  private static final Pattern FAILED =
      Pattern.compile("(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?::\\s*([^)\\]]+))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final String AT_MOST = ": at most ";
  /** The name of a length check: {@code users.phone: at most 20 characters}. */
  private static final Pattern LENGTH = Pattern.compile("(.+)\\.([^.:]+): at most \\d+ characters");
  /** The name of a decimal's precision check: {@code kitchens.amount: at most 10 digits before the point}. */
  private static final Pattern DIGITS = Pattern.compile("(.+)\\.([^.:]+): at most \\d+ digits before the point");

  @Override public String name() { return "sqlite"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "SQLite".equalsIgnoreCase(metadata.getName());
  }

  /** {@code LIMIT ? OFFSET ?}; an offset alone is {@code LIMIT -1 OFFSET ?}. */
  @Override protected void appendLimitOffset(SelectQuery node, RenderContext ctx) {
    if (node.limit() != null) {
      ctx.sql(" LIMIT ").bind(node.limit());
    } else if (node.offset() != null) {
      ctx.sql(" LIMIT -1");
    }
    if (node.offset() != null) {
      ctx.sql(" OFFSET ").bind(node.offset());
    }
  }

  /** Case-sensitive LIKE as {@code GLOB} with a translated pattern; ILIKE as lowered LIKE. */
  /**
   * SQLite has no row locks: a writing transaction holds the database's single write lock (the bridge
   * begins transactions with {@code BEGIN IMMEDIATE}), which already gives {@code FOR UPDATE} and
   * {@code FOR SHARE} their guarantee, so they render as nothing. {@code SKIP LOCKED} and
   * {@code NOWAIT} cannot be honoured and are rejected.
   */
  @Override protected void appendLock(LockMode lock, RenderContext ctx) {
    if (lock == LockMode.FOR_UPDATE_SKIP_LOCKED || lock == LockMode.FOR_UPDATE_NOWAIT) {
      throw new UnsupportedByDialectException(lock.name().replace('_', ' '), name());
    }
  }

  @Override public void visitLike(Like node, RenderContext ctx) {
    if (node.caseInsensitive()) {
      super.visitLike(node, ctx); // LOWER(x) LIKE LOWER(p), with the backslash as escape
      ctx.sql(" ESCAPE '\\'");
      return;
    }
    node.expr().accept(this, ctx);
    ctx.sql(node.negated() ? " NOT GLOB " : " GLOB ");
    if (node.pattern() instanceof Param<String> p) {
      ctx.bind(new Param<>(p.value() == null ? null : globPattern(p.value()), p.type()));
    } else {
      // a pattern from a column: translated in SQL, without an escape character
      ctx.sql("replace(replace(replace(replace(replace(");
      node.pattern().accept(this, ctx);
      ctx.sql(", '[', '[[]'), '*', '[*]'), '?', '[?]'), '%', '*'), '_', '?')");
    }
  }

  /**
   * Translates a LIKE pattern ({@code %}, {@code _}, backslash escapes) to the GLOB pattern that
   * matches the same strings, e.g. {@code 50\%_off*} to {@code 50%?off[*]}.
   */
  static String globPattern(String like) {
    StringBuilder glob = new StringBuilder(like.length() + 8);
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '%') {
        glob.append('*');
      } else if (c == '_') {
        glob.append('?');
      } else if (c == '\\' && i + 1 < like.length()) {
        literal(glob, like.charAt(++i));
      } else {
        literal(glob, c);
      }
    }
    return glob.toString();
  }

  private static void literal(StringBuilder glob, char c) {
    if (c == '*' || c == '?' || c == '[') {
      glob.append('[').append(c).append(']');
    } else {
      glob.append(c);
    }
  }

  /**
   * A decimal kept as a number (an older file's {@code NUMERIC} column, or an expression such as a
   * sum) is read back as text with the scale, which a number does not keep; exact text passes as is.
   */
  @Override protected void appendSelectItem(Expr<?> item, RenderContext ctx) {
    DataType<?> type = item.dataType();
    if (type.kind() != SqlKind.DECIMAL || type.scale() <= 0 || type.codec() != null) {
      super.appendSelectItem(item, ctx);
      return;
    }
    ctx.sql("CASE WHEN typeof(");
    item.accept(this, ctx);
    ctx.sql(") IN ('integer', 'real') THEN printf('%.").sql(Integer.toString(type.scale())).sql("f', ");
    item.accept(this, ctx);
    ctx.sql(") ELSE ");
    item.accept(this, ctx);
    ctx.sql(" END");
  }

  /** A decimal is bound with (at least) its column's scale, so that its exact text keeps the scale. */
  @Override public void visitParam(Param<?> node, RenderContext ctx) {
    DataType<?> type = node.type();
    if (type.kind() == SqlKind.DECIMAL && type.codec() == null
        && node.value() instanceof java.math.BigDecimal d && d.scale() < type.scale()) {
      ctx.bind(new Param<>(d.setScale(type.scale()), decimal(type)));
      return;
    }
    super.visitParam(node, ctx);
  }

  @SuppressWarnings("unchecked")
  private static DataType<java.math.BigDecimal> decimal(DataType<?> type) {
    return (DataType<java.math.BigDecimal>) type;
  }

  /** A cast to a decimal is to a number, as before: SQLite has no exact decimal arithmetic. */
  @Override public void visitCast(dev.sluice.sql.Cast<?> node, RenderContext ctx) {
    if (node.type().kind() != SqlKind.DECIMAL) {
      super.visitCast(node, ctx);
      return;
    }
    ctx.sql("CAST(");
    node.value().accept(this, ctx);
    ctx.sql(" AS NUMERIC)");
  }

  /**
   * Values SQLite would keep changed: NaN (stored as NULL), -0.0 (stored as 0.0), and dates outside
   * the years 0000-9999 (their text, {@code +10000-01-01} or {@code -0001-01-01}, does not sort as
   * dates, and SQLite's date functions do not read it).
   */
  @Override public String refusal(Object v) {
    if (v instanceof Double || v instanceof Float) {
      if (SpecialValues.isNaN(v)) {
        return "NaN, which SQLite stores as NULL";
      }
      return SpecialValues.isNegativeZero(v) ? "-0.0, which SQLite stores as 0.0" : null;
    }
    int year = v instanceof java.time.LocalDate d ? d.getYear()
        : v instanceof java.time.LocalDateTime t ? t.getYear()
        : v instanceof java.time.OffsetDateTime o ? o.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear()
        : 0;
    return year < 0 || year > 9999 ? "a date in the year " + year
        + ", outside the years 0000-9999 that SQLite's date text sorts and reads" : null;
  }

  /**
   * SQLite has {@code DEFAULT VALUES} for one row but no {@code DEFAULT} keyword in {@code VALUES}:
   * several rows write the first column's default explicitly, NULL for a serial key (which makes
   * SQLite generate it) or the column's SQL default: {@code INSERT INTO "t" ("id") VALUES (NULL),
   * (NULL)}; the other columns take their defaults.
   */
  @Override protected void appendDefaultRows(dev.sluice.sql.InsertQuery node, RenderContext ctx) {
    if (node.rows().size() == 1) {
      super.appendDefaultRows(node, ctx);
      return;
    }
    dev.sluice.schema.Column<?> first = firstColumn(node);
    String value = first.dataType().kind().isGenerated() ? "NULL"
        : first.defaultSql() != null ? "(" + first.defaultSql() + ")" : null;
    if (value == null) {
      throw new UnsupportedByDialectException("Inserting several rows that name no column into "
          + node.table().name() + ", whose first column " + first.name() + " has no SQL default", name());
    }
    ctx.sql(" (").identifier(first.name()).sql(") VALUES ");
    for (int r = 0; r < node.rows().size(); r++) {
      ctx.sql(r > 0 ? ", (" : "(").sql(value).sql(')');
    }
  }

  // ---- DDL ----------------------------------------------------------------------------------

  /**
   * A decimal default as a string, {@code '-12.50'}: SQLite reads a numeric literal as a double
   * before storing it, so only text can keep every digit.
   */
  @Override protected String decimalLiteral(java.math.BigDecimal value) {
    return stringLiteral(value.toPlainString());
  }

  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT, INTEGER, SERIAL, BOOLEAN -> "INTEGER";
      case BIGINT, BIGSERIAL -> "BIGINT";
      case VARCHAR, CHAR, TEXT, JSON, JSONB, UUID, ENUM, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> "TEXT";
      case DECIMAL -> "DECIMAL_TEXT(" + t.precision() + ", " + t.scale() + ")";
      case REAL, DOUBLE -> "REAL";
      case BYTES -> "BLOB";
      case CUSTOM -> t.sqlName();
    };
  }

  /**
   * {@code COLLATE DECIMAL} for a decimal (its exact text compares by value); for {@code varchar(n)}
   * and {@code char(n)} a named length check, since SQLite ignores declared lengths:
   * {@code CONSTRAINT "users.phone: at most 20 characters" CHECK (length("phone") <= 20)}.
   */
  @Override protected String columnConstraints(Column<?> column) {
    return columnConstraints(column.table().name(), column.name(), column.dataType());
  }

  /**
   * {@link #columnConstraints(Column)} for a column known by name (the migrations, which work from
   * a schema snapshot): the same text, so a migrated table keeps values as {@code createTables} does.
   */
  public String columnConstraints(String table, String column, DataType<?> type) {
    if (type.kind() == SqlKind.DECIMAL && type.codec() == null) {
      // at most p - s digits before the point, as numeric(p, s) allows; older numbers are not text
      String c = quote(column);
      int digits = type.precision() - type.scale();
      return " COLLATE DECIMAL CONSTRAINT " + quote(table + "." + column
          + AT_MOST + digits + " digits before the point") + " CHECK (typeof(" + c + ") <> 'text' OR length(ltrim("
          + "substr(" + c + ", 1, instr(" + c + " || '.', '.') - 1), '-+0')) <= " + digits + ")";
    }
    if ((type.kind() == SqlKind.VARCHAR || type.kind() == SqlKind.CHAR) && type.length() > 0) {
      return " CONSTRAINT " + quote(table + "." + column + AT_MOST
          + type.length() + " characters") + " CHECK (length(" + quote(column) + ") <= "
          + type.length() + ")";
    }
    return "";
  }

  /** SQLite generates values only for an {@code INTEGER PRIMARY KEY} (a 64-bit rowid alias). */
  @Override protected String generatedColumnType(DataType<?> type) {
    return "INTEGER";
  }

  /** {@code PRIMARY KEY AUTOINCREMENT} for serial keys, so that deleted ids are never reused. */
  @Override protected String inlinePrimaryKey(DataType<?> type) {
    return type.kind().isGenerated() ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY";
  }

  // ---- errors -------------------------------------------------------------------------------

  /**
   * Classifies by the bridge's SQLSTATE, the SQLite extended result code name. A stale WAL snapshot
   * ({@code SQLITE_BUSY_SNAPSHOT}) means the transaction must be retried, as a serialization
   * failure; other busy/locked errors are lock timeouts ({@link ErrorKind#LOCK_NOT_AVAILABLE}), and a
   * foreign key RESTRICT action fails as a trigger ({@code SQLITE_CONSTRAINT_TRIGGER}).
   */
  @Override protected ErrorKind classify(Throwable error) {
    String state = ErrorTranslator.sqlState(error);
    if (state == null) {
      return ErrorKind.fromDriverType(error);
    }
    return switch (state) {
      case "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_ROWID" ->
          ErrorKind.UNIQUE;
      case "SQLITE_CONSTRAINT_FOREIGNKEY" -> ErrorKind.FOREIGN_KEY;
      case "SQLITE_CONSTRAINT_NOTNULL" -> ErrorKind.NOT_NULL;
      case "SQLITE_CONSTRAINT_CHECK" -> checkKind(constraintInfo(error));
      case "SQLITE_BUSY_SNAPSHOT" -> ErrorKind.SERIALIZATION;
      // ON DELETE/UPDATE RESTRICT fires as a trigger: "FOREIGN KEY constraint failed"
      case "SQLITE_CONSTRAINT_TRIGGER" -> String.valueOf(error.getMessage()).contains("FOREIGN KEY")
          ? ErrorKind.FOREIGN_KEY : ErrorKind.CONSTRAINT;
      case "SQLITE_BUSY", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE" ->
          ErrorKind.LOCK_NOT_AVAILABLE;
      case "SQLITE_INTERRUPT" -> ErrorKind.QUERY_CANCELLED;
      case "SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE" -> ErrorKind.DATA;
      case "SQLITE_READONLY", "SQLITE_AUTH", "SQLITE_PERM" -> ErrorKind.PERMISSION_DENIED;
      default -> state.startsWith("SQLITE_CONSTRAINT") ? ErrorKind.CONSTRAINT
          : state.equals("SQLITE_ERROR") && badSql(error) ? ErrorKind.BAD_SQL
          : ErrorKind.fromDriverType(error);
    };
  }

  /** SQLITE_ERROR is any error; its message tells a mistake in the statement. */
  private static boolean badSql(Throwable error) {
    String m = String.valueOf(error.getMessage());
    return m.contains("syntax error") || m.contains("no such table") || m.contains("no such column")
        || m.contains("no such function") || m.contains("ambiguous column") || m.contains("already exists");
  }

  /** A length check is a value too long, a precision check a refused value, others a check violation. */
  private static ErrorKind checkKind(ConstraintInfo info) {
    if (info.column() == null || info.constraint() == null) {
      return ErrorKind.CHECK;
    }
    return info.constraint().endsWith(" characters") ? ErrorKind.VALUE_TOO_LONG : ErrorKind.DATA;
  }

  /**
   * Reads SQLite's message: {@code UNIQUE constraint failed: users.email} gives table and column
   * (the column only when the key has one), {@code CHECK constraint failed: name} the constraint
   * name; foreign key messages name nothing.
   */
  @Override protected ConstraintInfo constraintInfo(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      Matcher m = t.getMessage() == null ? null : FAILED.matcher(t.getMessage());
      while (m != null && m.find()) {
        if (m.group(2) != null) { // the bridge prefixes a summary: "A NOT NULL constraint failed (...)"
          return constraintInfo(m.group(1), m.group(2).trim());
        }
      }
    }
    return ConstraintInfo.NONE;
  }

  static ConstraintInfo constraintInfo(String kind, String detail) {
    if (detail == null || detail.isEmpty()) {
      return ConstraintInfo.NONE;
    }
    if (kind.equals("CHECK")) {
      Matcher length = LENGTH.matcher(detail);
      Matcher digits = DIGITS.matcher(detail);
      if (length.matches() || digits.matches()) {
        Matcher m = length.matches() ? length : digits;
        return new ConstraintInfo(m.group(1), m.group(2), detail);
      }
      return IDENTIFIER.matcher(detail).matches()
          ? new ConstraintInfo(null, null, detail) : ConstraintInfo.NONE;
    }
    if (detail.startsWith("index '") && detail.endsWith("'")) {
      return new ConstraintInfo(null, null, detail.substring(7, detail.length() - 1));
    }
    String[] columns = detail.split(",\\s*");
    int dot = columns[0].indexOf('.');
    if (dot <= 0) {
      return ConstraintInfo.NONE;
    }
    String table = columns[0].substring(0, dot);
    return new ConstraintInfo(table, columns.length == 1 ? columns[0].substring(dot + 1) : null, null);
  }
}
