package dev.sluice.migrations.introspect;

import static dev.sluice.migrations.introspect.CatalogValues.flag;
import static dev.sluice.migrations.introspect.CatalogValues.integer;
import static dev.sluice.migrations.introspect.CatalogValues.str;

import dev.sluice.Row;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.SqlKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQL Server's catalog ({@link SqlServerCatalog}) read into a snapshot. {@code sys.columns} gives
 * lengths in bytes: an {@code nvarchar(256)} is 512, {@code nvarchar(max)} is -1 (text). {@code bit}
 * is a boolean, {@code float} (53 bits) a double, {@code datetime2} a timestamp, {@code
 * datetimeoffset} a timestamp with time zone, {@code uniqueidentifier} a UUID. Defaults come back
 * as SQL Server stores them, in parentheses ({@code ((0))}, {@code (N'it''s')}, {@code
 * (getdate())}): the parentheses and the {@code N} prefix are taken off. Enums are {@code
 * nvarchar(255)} columns there, so they read back as {@code VARCHAR(255)}, and their stand-in checks
 * ({@code <table>_<column>_enum}) are left out, as on H2.
 */
final class SqlServerIntrospector extends CatalogIntrospector {

  @Override Map<String, String> queries() {
    return SqlServerCatalog.all();
  }

  @Override SchemaSnapshot map(Map<String, List<Row>> rows, Set<String> excluded) {
    TableCollector tables = new TableCollector(excluded);
    for (Row r : rows(rows, "columns")) {
      ColumnType type = type(r);
      boolean identity = flag(r, "is_identity");
      ColumnDefault d = identity ? null : defaultOf(str(r, "default_definition"), type);
      String computed = str(r, "computed_definition");
      dev.sluice.migrations.snapshot.GeneratedSnapshot generated = computed == null ? null
          : new dev.sluice.migrations.snapshot.GeneratedSnapshot(computed, flag(r, "is_persisted"));
      tables.column(str(r, "table_name"), new ColumnSnapshot(str(r, "column_name"), type, flag(r, "is_nullable"),
          generated == null ? d : null, identity, generated));
    }
    for (List<Row> key : TableCollector.byTableAndName(rows(rows, "keys")).values()) {
      Row first = key.get(0);
      List<String> cols = key.stream().map(r -> str(r, "column_name")).toList();
      if ("PRIMARY KEY".equals(str(first, "kind"))) {
        tables.primaryKey(str(first, "table_name"), cols);
      } else {
        tables.unique(str(first, "table_name"), new UniqueSnapshot(str(first, "name"), cols));
      }
    }
    for (List<Row> fk : TableCollector.byTableAndName(rows(rows, "foreign-keys")).values()) {
      Row first = fk.get(0);
      tables.foreignKey(str(first, "table_name"), new ForeignKeySnapshot(str(first, "name"),
          fk.stream().map(r -> str(r, "column_name")).toList(), str(first, "ref_table"),
          fk.stream().map(r -> str(r, "ref_column")).toList(),
          CatalogValues.action(str(first, "on_delete")), CatalogValues.action(str(first, "on_update"))));
    }
    for (Row r : rows(rows, "checks")) {
      if (!str(r, "name").endsWith("_enum")) {
        tables.check(str(r, "table_name"), new CheckSnapshot(str(r, "name"), str(r, "clause")));
      }
    }
    for (List<Row> ix : TableCollector.byTableAndName(rows(rows, "indexes")).values()) {
      Row first = ix.get(0);
      tables.index(str(first, "table_name"), new IndexSnapshot(str(first, "name"),
          ix.stream().map(r -> str(r, "column_name")).toList(), flag(first, "is_unique"),
          flag(first, "has_filter") ? str(first, "filter_definition") : null));
    }
    return SchemaSnapshot.of(List.of(), tables.tables(), LiveViews.of(rows(rows, "views"), excluded, null));
  }

  private static ColumnType type(Row r) {
    String name = str(r, "type_name").toLowerCase(Locale.ROOT);
    int bytes = integer(r, "max_length", 0);
    int prec = integer(r, "prec", 0);
    int scale = integer(r, "scale", 0);
    return switch (name) {
      case "bit" -> ColumnType.of(SqlKind.BOOLEAN);
      case "tinyint", "smallint" -> ColumnType.of(SqlKind.SMALLINT);
      case "int" -> ColumnType.of(SqlKind.INTEGER);
      case "bigint" -> ColumnType.of(SqlKind.BIGINT);
      case "nvarchar" -> bytes < 0 ? ColumnType.of(SqlKind.TEXT) : new ColumnType(SqlKind.VARCHAR, bytes / 2, 0, 0, null);
      case "varchar" -> bytes < 0 ? ColumnType.of(SqlKind.TEXT) : new ColumnType(SqlKind.VARCHAR, bytes, 0, 0, null);
      case "nchar" -> new ColumnType(SqlKind.CHAR, bytes / 2, 0, 0, null);
      case "char" -> new ColumnType(SqlKind.CHAR, bytes, 0, 0, null);
      case "ntext", "text" -> ColumnType.of(SqlKind.TEXT);
      case "decimal", "numeric" -> new ColumnType(SqlKind.DECIMAL, 0, prec, scale, null);
      case "real" -> ColumnType.of(SqlKind.REAL);
      case "float" -> prec <= 24 ? ColumnType.of(SqlKind.REAL) : ColumnType.of(SqlKind.DOUBLE);
      case "date" -> ColumnType.of(SqlKind.DATE);
      case "time" -> ColumnType.of(SqlKind.TIME);
      case "datetime2", "datetime", "smalldatetime" -> ColumnType.of(SqlKind.TIMESTAMP);
      case "datetimeoffset" -> ColumnType.of(SqlKind.TIMESTAMPTZ);
      case "uniqueidentifier" -> ColumnType.of(SqlKind.UUID);
      case "varbinary", "binary", "image" -> ColumnType.of(SqlKind.BYTES);
      default -> new ColumnType(SqlKind.CUSTOM, 0, 0, 0, name.toUpperCase(Locale.ROOT));
    };
  }

  /** {@code ((42))}, {@code (N'it''s')}, {@code ((1))} on a bit, {@code (getdate())}. */
  static ColumnDefault defaultOf(String definition, ColumnType type) {
    String s = CatalogValues.unwrap(definition);
    if (s == null) {
      return null;
    }
    if (s.length() >= 3 && (s.charAt(0) == 'N' || s.charAt(0) == 'n') && s.charAt(1) == '\'') {
      s = s.substring(1);
    }
    return Defaults.parse(s, type.kind() == SqlKind.BOOLEAN);
  }
}
