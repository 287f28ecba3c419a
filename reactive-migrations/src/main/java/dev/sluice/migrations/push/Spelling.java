package dev.sluice.migrations.push;

import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * How a database spells back what the schema code declared, so that {@code push} can tell a real
 * difference from a spelling: SQLite keeps storage types ({@code INTEGER} for a boolean, {@code
 * TEXT} for a date or an enum) and boolean defaults as {@code 1}/{@code 0}; MySQL and MariaDB make
 * an enum a column type named {@code <table>_<column>}, {@code timestamptz} a {@code DATETIME(6)},
 * {@code real} a {@code DOUBLE}, and report {@code NO ACTION} as {@code RESTRICT}; H2 keeps an enum
 * as {@code VARCHAR(255)}, and so do SQL Server and Oracle (their text and JSON are {@code nvarchar(max)}
 * and {@code CLOB}, Oracle's time a {@code TIMESTAMP}); CockroachDB's JSON is JSONB; every database reprints SQL defaults ({@code now()}, {@code
 * CURRENT_TIMESTAMP(6)}, SQL Server's {@code getdate()}) and numbers ({@code 0.00}). Two columns are the same when their spellings
 * in this database are.
 */
final class Spelling {
  /** Custom types named after a built-in type come back as that type. */
  private static final Set<String> BUILT_IN = Set.of("SMALLINT", "INTEGER", "BIGINT", "TEXT");

  private final String dialect;

  Spelling(String dialect) {
    this.dialect = dialect;
  }

  boolean mysql() {
    return dialect.equals("mysql") || dialect.equals("mariadb");
  }

  /**
   * True when an enum reads back per column, named {@code <table>_<column>}: MySQL's and
   * MariaDB's inline enums, SQLite's and H2's stand-in checks.
   */
  boolean perColumnEnums() {
    return mysql() || dialect.equals("sqlite") || dialect.equals("h2");
  }

  /** True when a changed label set of a column is pushed as label changes of the code's enum (SQLite, H2). */
  boolean labelsFollowCode() {
    return dialect.equals("sqlite") || dialect.equals("h2");
  }

  /** True when this database has named enum types (PostgreSQL, CockroachDB). */
  boolean namedEnums() {
    return dialect.equals("postgresql") || dialect.equals("cockroachdb");
  }

  /** True when {@code live} (introspected) is how this database spells {@code code}. */
  boolean sameColumn(String table, ColumnSnapshot live, ColumnSnapshot code) {
    return live.name().equals(code.name()) && live.nullable() == code.nullable() && live.identity() == code.identity()
        && type(live, table).equals(type(code, table))
        && java.util.Objects.equals(defaultOf(live.defaultValue()), defaultOf(code.defaultValue()))
        && (live.generated() == null) == (code.generated() == null);
  }

  /** True when {@code live} is how this database spells the foreign key {@code code}. */
  boolean sameForeignKey(ForeignKeySnapshot live, ForeignKeySnapshot code) {
    return live.name().equals(code.name()) && live.columns().equals(code.columns())
        && live.referencedTable().equals(code.referencedTable()) && live.referencedColumns().equals(code.referencedColumns())
        && action(live.onDelete()) == action(code.onDelete()) && action(live.onUpdate()) == action(code.onUpdate());
  }

  private ReferentialAction action(ReferentialAction a) {
    return mysql() && a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
  }

  private ColumnType type(ColumnSnapshot c, String table) {
    ColumnType t = c.type();
    if (t.kind() == SqlKind.CUSTOM && BUILT_IN.contains(t.name().toUpperCase(Locale.ROOT))) {
      t = ColumnType.of(SqlKind.valueOf(t.name().toUpperCase(Locale.ROOT)));
    }
    switch (dialect) {
      case "sqlite" -> {
        if (c.identity()) {
          return ColumnType.of(SqlKind.INTEGER); // the rowid
        }
        return switch (t.kind()) {
          case SMALLINT, INTEGER, BOOLEAN -> ColumnType.of(SqlKind.INTEGER);
          case CHAR -> new ColumnType(SqlKind.VARCHAR, t.length(), 0, 0, null); // its length check reads back as a varchar's
          case TEXT, JSON, JSONB, UUID, ENUM, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> ColumnType.of(SqlKind.TEXT);
          case REAL, DOUBLE -> ColumnType.of(SqlKind.DOUBLE);
          default -> t;
        };
      }
      case "mysql", "mariadb" -> {
        return switch (t.kind()) {
          case ENUM -> new ColumnType(SqlKind.ENUM, 0, 0, 0, table + "_" + c.name());
          case TIMESTAMPTZ -> ColumnType.of(SqlKind.TIMESTAMP);
          case UUID -> dialect.equals("mysql") ? new ColumnType(SqlKind.CHAR, 36, 0, 0, null) : t;
          case JSONB -> ColumnType.of(SqlKind.JSON);
          case REAL -> ColumnType.of(SqlKind.DOUBLE);
          default -> t;
        };
      }
      case "h2" -> {
        return t.kind() == SqlKind.ENUM ? new ColumnType(SqlKind.VARCHAR, 255, 0, 0, null)
            : t.kind() == SqlKind.JSONB ? ColumnType.of(SqlKind.JSON) : t;
      }
      case "sqlserver", "oracle" -> {
        return switch (t.kind()) {
          case ENUM -> new ColumnType(SqlKind.VARCHAR, 255, 0, 0, null);
          case JSON, JSONB -> ColumnType.of(SqlKind.TEXT);
          case VARCHAR -> t.length() > 4000 ? ColumnType.of(SqlKind.TEXT) : t;
          case TIME -> dialect.equals("oracle") ? ColumnType.of(SqlKind.TIMESTAMP) : t;
          default -> t;
        };
      }
      case "cockroachdb" -> {
        return t.kind() == SqlKind.JSON ? ColumnType.of(SqlKind.JSONB) : t;
      }
      default -> {
        return t;
      }
    }
  }

  private ColumnDefault defaultOf(ColumnDefault d) {
    if (d == null) {
      return null;
    }
    return switch (d.kind()) {
      case SQL -> ColumnDefault.sql(d.value().toLowerCase(Locale.ROOT).replace("(6)", "").replace("()", "")
          .replace("utc_timestamp", "current_timestamp").replace("getdate", "current_timestamp"));
      case NUMBER -> ColumnDefault.number(number(d.value()));
      case BOOLEAN -> dialect.equals("sqlite") ? ColumnDefault.number(Boolean.parseBoolean(d.value()) ? "1" : "0") : d;
      case STRING -> d;
    };
  }

  private static String number(String s) {
    try {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
