package dev.sluice.dialect.sqlite;

import dev.sluice.UnsupportedByDialectException;
import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.ConstraintInfo;
import dev.sluice.spi.ErrorKind;
import dev.sluice.spi.ErrorTranslator;
import dev.sluice.spi.RenderContext;
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
 *       JSON, UUIDs, enums (with a {@code CHECK (col IN (...))}) and dates/times (ISO-8601 text) are
 *       {@code TEXT}; {@code decimal(p, s)} is {@code NUMERIC(p, s)}. SQLite keeps no scale for
 *       {@code NUMERIC}, so a decimal column is read back formatted with its scale,
 *       {@code CASE WHEN "amount" IS NOT NULL THEN printf('%.2f', "amount") END}, and a
 *       {@code BigDecimal} of {@code 1234.50} returns as {@code 1234.50}, not {@code 1234.5}.</li>
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

  private static final Capabilities CAPABILITIES = new Capabilities(true,
      Capabilities.UpsertStyle.ON_CONFLICT, true, true, false, false, 32766, true);

  /** {@code UNIQUE constraint failed: users.email}, {@code CHECK constraint failed: name}, ... */
  private static final Pattern FAILED =
      Pattern.compile("(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?::\\s*([^)\\]]+))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

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

  /** A decimal with a scale is read back as text with that scale, which NUMERIC does not keep. */
  @Override protected void appendSelectItem(Expr<?> item, RenderContext ctx) {
    DataType<?> type = item.dataType();
    if (type.kind() != SqlKind.DECIMAL || type.scale() <= 0 || type.codec() != null) {
      super.appendSelectItem(item, ctx);
      return;
    }
    ctx.sql("CASE WHEN ");
    item.accept(this, ctx);
    ctx.sql(" IS NOT NULL THEN printf('%.").sql(Integer.toString(type.scale())).sql("f', ");
    item.accept(this, ctx);
    ctx.sql(") END");
  }

  // ---- DDL ----------------------------------------------------------------------------------

  @Override public String typeName(DataType<?> t) {
    return switch (t.kind()) {
      case SMALLINT, INTEGER, SERIAL, BOOLEAN -> "INTEGER";
      case BIGINT, BIGSERIAL -> "BIGINT";
      case VARCHAR, CHAR, TEXT, JSON, JSONB, UUID, ENUM, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> "TEXT";
      case DECIMAL -> "NUMERIC(" + t.precision() + ", " + t.scale() + ")";
      case REAL, DOUBLE -> "REAL";
      case BYTES -> "BLOB";
      case CUSTOM -> t.sqlName();
    };
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
   * failure; other busy/locked errors are lock timeouts and stay {@link ErrorKind#OTHER}.
   */
  @Override protected ErrorKind classify(Throwable error) {
    String state = ErrorTranslator.sqlState(error);
    if (state == null) {
      return ErrorKind.OTHER;
    }
    return switch (state) {
      case "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_ROWID" ->
          ErrorKind.UNIQUE;
      case "SQLITE_CONSTRAINT_FOREIGNKEY" -> ErrorKind.FOREIGN_KEY;
      case "SQLITE_CONSTRAINT_NOTNULL" -> ErrorKind.NOT_NULL;
      case "SQLITE_CONSTRAINT_CHECK" -> ErrorKind.CHECK;
      case "SQLITE_BUSY_SNAPSHOT" -> ErrorKind.SERIALIZATION;
      default -> ErrorKind.OTHER;
    };
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
