package dev.sluice.dialect.sqlite;

import dev.sluice.schema.DataType;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Capabilities;
import dev.sluice.spi.DdlRenderer;
import dev.sluice.spi.ErrorClassifier;
import dev.sluice.spi.ExpressionRenderer;
import dev.sluice.spi.SelectRenderer;
import dev.sluice.spi.SpecialValues;
import dev.sluice.spi.StandardDialect;
import dev.sluice.spi.WriteRenderer;
import io.r2dbc.spi.ConnectionFactoryMetadata;

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

  private static final String AT_MOST = ": at most ";

  @Override public String name() { return "sqlite"; }

  @Override public Capabilities capabilities() { return CAPABILITIES; }

  @Override public boolean accepts(ConnectionFactoryMetadata metadata) {
    return "SQLite".equalsIgnoreCase(metadata.getName());
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
   * What SQLite's DDL appends to a column's definition: {@code COLLATE DECIMAL} for a decimal (its
   * exact text compares by value); for {@code varchar(n)} and {@code char(n)} a named length check,
   * since SQLite ignores declared lengths:
   * {@code CONSTRAINT "users.phone: at most 20 characters" CHECK (length("phone") <= 20)}. Public for
   * the migrations, which work from a schema snapshot: the same text, so a migrated table keeps
   * values as {@code createTables} does.
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

  @Override protected dev.sluice.spi.JsonRenderer newJsonRenderer() {
    return new SqliteJson(this);
  }

  @Override protected ExpressionRenderer newExpressionRenderer() {
    return new SqliteExpressions(this);
  }

  @Override protected SelectRenderer newSelectRenderer() {
    return new SqliteSelects(this);
  }

  @Override protected WriteRenderer newWriteRenderer() {
    return new SqliteWrites(this);
  }

  /**
   * SQLite has no schemas: its qualified names point at databases attached to one connection
   * ({@code ATTACH DATABASE}), which a pool cannot promise for every connection, and its DDL spells
   * them differently ({@code CREATE INDEX "audit"."ix" ON "events"}). A table declared in a
   * {@link dev.sluice.schema.SqlSchema} is refused before anything is sent.
   */
  @Override public String qualifiedName(dev.sluice.schema.Table<?> table) {
    if (table.schema() != null) {
      throw new dev.sluice.error.UnsupportedByDialectException("Table " + table.name() + " in schema "
          + table.schema() + " (SQLite has no schemas; attached databases are per connection)", name());
    }
    return quote(table.name());
  }

  @Override protected DdlRenderer newDdlRenderer() {
    return new SqliteDdl(this);
  }

  /** A typed JSON path read met a value of another type: its bad path naming the value ({@link SqliteJson}). */
  @Override public boolean isJsonTypeMismatch(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.contains("JSON value at ") && (m.contains("bad JSON path") || m.contains("JSON path error"))) {
        return true;
      }
    }
    return false;
  }

  @Override protected ErrorClassifier newErrorClassifier() {
    return new SqliteClassifier();
  }
}
