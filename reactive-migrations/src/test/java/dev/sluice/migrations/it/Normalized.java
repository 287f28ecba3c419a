package dev.sluice.migrations.it;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.schema.SqlKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What databases legitimately spell differently, applied to both sides of a round-trip comparison.
 * Each rule is one the README lists:
 * <ul>
 *   <li>all: a custom type named after a built-in one ({@code DataType.custom("BIGINT", ...)}) is
 *       that built-in type; a check's expression and a partial index's predicate are reprinted by the database
 *       ({@code (age >= 0)}), so only their names (and whether an index is partial) are compared;
 *       SQL defaults are compared in lower case without {@code ()} / {@code (6)}; numbers by value
 *       ({@code 0.00} = {@code 0}); columns in name order (an added column lands last)</li>
 *   <li>SQLite: the declared storage types of Sluice's SQLite dialect (integers and booleans are
 *       {@code INTEGER}, text-like kinds {@code TEXT}, floats {@code REAL}); enums are checked text;
 *       a boolean default is {@code 1}/{@code 0}; an identity column is {@code INTEGER} (the rowid,
 *       64-bit)</li>
 *   <li>MySQL/MariaDB: an enum is a column type named {@code <table>_<column>}; {@code timestamptz}
 *       is {@code DATETIME(6)}, {@code uuid} {@code CHAR(36)} on MySQL ({@code UUID} on MariaDB), {@code jsonb} is {@code JSON}; InnoDB reports {@code NO ACTION} as
 *       {@code RESTRICT} (the same behaviour); a unique index is a unique constraint there</li>
 *   <li>H2: enums are {@code VARCHAR(255)} with a check; {@code jsonb} is {@code JSON}</li>
 *   <li>SQL Server and Oracle: enums are {@code VARCHAR(255)} with a check; JSON is text
 *       ({@code nvarchar(max)}, {@code CLOB}), as is a varchar longer than 4000; Oracle's time is a
 *       {@code TIMESTAMP}; SQL Server prints {@code CURRENT_TIMESTAMP} as {@code getdate()}</li>
 *   <li>CockroachDB: {@code json} is {@code JSONB}</li>
 * </ul>
 */
final class Normalized {
  private Normalized() { }

  static SchemaSnapshot of(SchemaSnapshot s, String dialect) {
    List<EnumSnapshot> enums = new ArrayList<>(s.enums());
    List<TableSnapshot> tables = new ArrayList<>();
    boolean mysql = dialect.equals("mysql") || dialect.equals("mariadb");
    if (mysql) {
      List<EnumSnapshot> perColumn = new ArrayList<>();
      for (TableSnapshot t : s.tables()) {
        for (ColumnSnapshot c : t.columns()) {
          if (c.type().kind() == SqlKind.ENUM) {
            List<String> labels = s.enumType(c.type().name()).map(EnumSnapshot::values)
                .orElseGet(() -> s.enumType(t.name() + "_" + c.name()).orElseThrow().values());
            perColumn.add(new EnumSnapshot(t.name() + "_" + c.name(), labels));
          }
        }
      }
      enums = perColumn;
    } else if (dialect.equals("sqlite") || dialect.equals("h2") || dialect.equals("sqlserver") || dialect.equals("oracle")) {
      enums = List.of();
    }
    for (TableSnapshot t : s.tables()) {
      List<ColumnSnapshot> columns = new ArrayList<>();
      for (ColumnSnapshot c : t.columns()) {
        ColumnType type = dialect.equals("sqlite") && c.identity() ? ColumnType.of(SqlKind.INTEGER) // the rowid
            : type(c.type(), dialect, t.name() + "_" + c.name());
        columns.add(new ColumnSnapshot(c.name(), type, c.nullable(), defaultOf(c.defaultValue(), c.type(), dialect),
            c.identity()));
      }
      columns.sort(Comparator.comparing(ColumnSnapshot::name));
      List<ForeignKeySnapshot> fks = t.foreignKeys();
      List<UniqueSnapshot> uniques = new ArrayList<>(t.uniques());
      List<IndexSnapshot> indexes = t.indexes();
      if (mysql) {
        fks = fks.stream().map(f -> new ForeignKeySnapshot(f.name(), f.columns(), f.referencedTable(),
            f.referencedColumns(), innoDb(f.onDelete()), innoDb(f.onUpdate()))).toList();
        indexes.stream().filter(IndexSnapshot::unique).forEach(i -> uniques.add(new UniqueSnapshot(i.name(), i.columns())));
        indexes = indexes.stream().filter(i -> !i.unique()).toList();
      }
      tables.add(new TableSnapshot(t.name(), columns, t.primaryKey(), fks, uniques,
          indexes.stream().map(i -> new IndexSnapshot(i.name(), i.columns(), i.unique(),
              i.where() == null ? null : "(partial)")).toList(),
          t.checks().stream().map(c -> new CheckSnapshot(c.name(), "")).toList()));
    }
    return SchemaSnapshot.of(enums, tables);
  }

  /** Custom types named after a built-in type come back as that type. */
  private static final java.util.Set<String> BUILT_IN = java.util.Set.of("SMALLINT", "INTEGER", "BIGINT", "TEXT");

  private static ReferentialAction innoDb(ReferentialAction a) {
    return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
  }

  private static ColumnType type(ColumnType t, String dialect, String enumName) {
    if (t.kind() == SqlKind.CUSTOM && BUILT_IN.contains(t.name().toUpperCase(Locale.ROOT))) {
      t = ColumnType.of(SqlKind.valueOf(t.name().toUpperCase(Locale.ROOT)));
    }
    switch (dialect) {
      case "sqlite" -> {
        return switch (t.kind()) {
          case SMALLINT, INTEGER, BOOLEAN -> ColumnType.of(SqlKind.INTEGER);
          case VARCHAR, CHAR, TEXT, JSON, JSONB, UUID, ENUM, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> ColumnType.of(SqlKind.TEXT);
          case REAL, DOUBLE -> ColumnType.of(SqlKind.DOUBLE);
          default -> t;
        };
      }
      case "mysql", "mariadb" -> {
        return switch (t.kind()) {
          case ENUM -> new ColumnType(SqlKind.ENUM, 0, 0, 0, enumName);
          case TIMESTAMPTZ -> ColumnType.of(SqlKind.TIMESTAMP);
          case UUID -> dialect.equals("mysql") ? new ColumnType(SqlKind.CHAR, 36, 0, 0, null) : t;
          case JSONB -> ColumnType.of(SqlKind.JSON);
          case REAL -> ColumnType.of(SqlKind.DOUBLE); // real is DOUBLE there (a FLOAT lost digits)
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

  private static ColumnDefault defaultOf(ColumnDefault d, ColumnType type, String dialect) {
    if (d == null) {
      return null;
    }
    return switch (d.kind()) {
      case SQL -> ColumnDefault.sql(d.value().toLowerCase(Locale.ROOT).replace("(6)", "").replace("()", "")
          .replace("utc_timestamp", "current_timestamp").replace("getdate", "current_timestamp"));
      case NUMBER -> ColumnDefault.number(new BigDecimal(d.value()).stripTrailingZeros().toPlainString());
      case BOOLEAN -> dialect.equals("sqlite") ? ColumnDefault.number(Boolean.parseBoolean(d.value()) ? "1" : "0") : d;
      case STRING -> d;
    };
  }
}
