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
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Oracle's {@code USER_*} views ({@link OracleCatalog}) read into a snapshot. Oracle has no integer
 * or boolean types: the {@code NUMBER(p)} Sluice's Oracle dialect declares come back by precision
 * ({@code NUMBER(5)} smallint, {@code NUMBER(10)} integer, {@code NUMBER(19)} bigint, {@code
 * NUMBER(1)} boolean), any other {@code NUMBER(p, s)} is a decimal. {@code VARCHAR2} lengths are
 * read in characters ({@code CHAR_LENGTH}), {@code CLOB} is text, {@code RAW(16)} a UUID, {@code
 * BINARY_FLOAT}/{@code BINARY_DOUBLE} real/double, {@code TIMESTAMP(6)} a timestamp (Oracle has no
 * time of day). {@code DATA_DEFAULT} is the default's text as written, with its trailing blanks;
 * an identity column's default (its sequence) is not a default. {@code NOT NULL} columns are
 * system-named checks there ({@code "name" IS NOT NULL}), which are left out, as are the checks
 * standing in for enums ({@code <table>_<column>_enum}, their columns {@code VARCHAR(255)}).
 * Oracle has no {@code ON UPDATE}: it is always no action.
 */
final class OracleIntrospector extends CatalogIntrospector {
  private static final Pattern NOT_NULL = Pattern.compile("^\\s*\"(?:[^\"]|\"\")+\"\\s+IS\\s+NOT\\s+NULL\\s*$",
      Pattern.CASE_INSENSITIVE);

  @Override Map<String, String> queries() {
    return OracleCatalog.all();
  }

  @Override SchemaSnapshot map(Map<String, List<Row>> rows, Set<String> excluded) {
    TableCollector tables = new TableCollector(excluded);
    for (Row r : rows(rows, "columns")) {
      ColumnType type = type(r);
      boolean identity = "YES".equals(str(r, "identity_column"));
      ColumnDefault d = identity ? null : Defaults.parse(str(r, "data_default"), type.kind() == SqlKind.BOOLEAN);
      // a virtual column's expression is its DATA_DEFAULT: Oracle's only kind of generated column
      boolean virtual = "YES".equals(str(r, "virtual_column"));
      dev.sluice.migrations.snapshot.GeneratedSnapshot generated = virtual && str(r, "data_default") != null
          ? new dev.sluice.migrations.snapshot.GeneratedSnapshot(str(r, "data_default").trim(), false) : null;
      tables.column(str(r, "table_name"), new ColumnSnapshot(str(r, "column_name"), type, flag(r, "nullable"),
          generated == null ? d : null, identity, generated));
    }
    for (List<Row> con : TableCollector.byTableAndName(rows(rows, "constraints")).values()) {
      Row first = con.get(0);
      String table = str(first, "table_name");
      String name = str(first, "name");
      List<String> cols = con.stream().map(r -> str(r, "column_name")).toList();
      switch (str(first, "kind")) {
        case "P" -> tables.primaryKey(table, cols);
        case "U" -> tables.unique(table, new UniqueSnapshot(name, cols));
        case "R" -> tables.foreignKey(table, new ForeignKeySnapshot(name, cols, str(first, "ref_table"),
            con.stream().map(r -> str(r, "ref_column")).toList(), CatalogValues.action(str(first, "delete_rule")),
            ReferentialAction.NO_ACTION));
        case "C" -> {
          String condition = str(first, "search_condition");
          boolean notNull = "GENERATED NAME".equals(str(first, "generated")) && condition != null
              && NOT_NULL.matcher(condition).matches();
          if (!notNull && !name.endsWith("_enum") && condition != null) {
            tables.check(table, new CheckSnapshot(name, condition));
          }
        }
        default -> { }
      }
    }
    for (List<Row> ix : TableCollector.byTableAndName(rows(rows, "indexes")).values()) {
      Row first = ix.get(0);
      tables.index(str(first, "table_name"), new IndexSnapshot(str(first, "name"),
          ix.stream().map(r -> str(r, "column_name")).toList(), "UNIQUE".equals(str(first, "uniqueness")), null));
    }
    return SchemaSnapshot.of(List.of(), tables.tables(), LiveViews.of(rows(rows, "views"), excluded, null));
  }

  private static ColumnType type(Row r) {
    String t = str(r, "data_type").toUpperCase(Locale.ROOT);
    int precision = integer(r, "data_precision", -1);
    int scale = integer(r, "data_scale", -1);
    if (t.equals("NUMBER")) {
      if (scale <= 0 && precision > 0) {
        switch (precision) {
          case 1: return ColumnType.of(SqlKind.BOOLEAN);
          case 5: return ColumnType.of(SqlKind.SMALLINT);
          case 10: return ColumnType.of(SqlKind.INTEGER);
          case 19: return ColumnType.of(SqlKind.BIGINT);
          default: break;
        }
      }
      if (precision < 0) {
        return scale == 0 ? new ColumnType(SqlKind.DECIMAL, 0, 38, 0, null) : new ColumnType(SqlKind.CUSTOM, 0, 0, 0, "NUMBER");
      }
      return new ColumnType(SqlKind.DECIMAL, 0, precision, Math.max(scale, 0), null);
    }
    if (t.startsWith("TIMESTAMP")) {
      return t.contains("TIME ZONE") ? ColumnType.of(SqlKind.TIMESTAMPTZ) : ColumnType.of(SqlKind.TIMESTAMP);
    }
    return switch (t) {
      case "VARCHAR2", "NVARCHAR2" -> new ColumnType(SqlKind.VARCHAR, integer(r, "char_length", 0), 0, 0, null);
      case "CHAR", "NCHAR" -> new ColumnType(SqlKind.CHAR, integer(r, "char_length", 0), 0, 0, null);
      case "CLOB", "NCLOB" -> ColumnType.of(SqlKind.TEXT);
      case "BINARY_FLOAT" -> ColumnType.of(SqlKind.REAL);
      case "BINARY_DOUBLE", "FLOAT" -> ColumnType.of(SqlKind.DOUBLE);
      case "DATE" -> ColumnType.of(SqlKind.DATE);
      case "RAW" -> integer(r, "data_length", 0) == 16 ? ColumnType.of(SqlKind.UUID) : ColumnType.of(SqlKind.BYTES);
      case "BLOB" -> ColumnType.of(SqlKind.BYTES);
      case "JSON" -> ColumnType.of(SqlKind.JSON);
      default -> new ColumnType(SqlKind.CUSTOM, 0, 0, 0, t);
    };
  }
}
