package dev.sluice.migrations.introspect;

import static dev.sluice.migrations.introspect.CatalogValues.integer;
import static dev.sluice.migrations.introspect.CatalogValues.str;

import dev.sluice.Row;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CockroachDB's catalogs ({@link CockroachCatalog}) read into a snapshot. Where it differs from
 * PostgreSQL: a column whose default is {@code unique_rowid()} (Sluice's {@code bigserial}) has
 * identity, as has an identity column or one fed by {@code nextval(...)}; defaults are printed
 * with CockroachDB's typed casts ({@code 'abc':::STRING}, {@code 0:::INT8},
 * {@code now():::TIMESTAMPTZ}), which are taken off; {@code JSON} is {@code JSONB} there; the
 * hidden {@code rowid} of a table without a primary key is neither a column nor a key. Enums are
 * named types ({@code pg_enum}), as on PostgreSQL.
 */
final class CockroachIntrospector extends CatalogIntrospector {
  private static final Pattern TYPED_CAST = Pattern.compile("^(.*?):::[A-Za-z0-9_.\" ]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?(\\[\\])?$",
      Pattern.DOTALL);

  @Override Map<String, String> queries() {
    return CockroachCatalog.all();
  }

  @Override SchemaSnapshot map(Map<String, List<Row>> rows, Set<String> excluded) {
    Map<String, List<String>> enums = new LinkedHashMap<>();
    for (Row r : rows(rows, "enums")) {
      enums.computeIfAbsent(str(r, "name"), k -> new ArrayList<>()).add(str(r, "label"));
    }
    TableCollector tables = new TableCollector(excluded);
    Set<String> visible = new HashSet<>();
    for (Row r : rows(rows, "columns")) {
      String table = str(r, "table_name");
      String def = str(r, "column_default");
      boolean identity = "YES".equals(str(r, "is_identity"))
          || (def != null && (def.startsWith("unique_rowid()") || def.startsWith("nextval(")));
      ColumnType type = type(r, enums.keySet());
      ColumnDefault d = identity ? null : defaultOf(def, type);
      visible.add(table + "." + str(r, "column_name"));
      dev.sluice.migrations.snapshot.GeneratedSnapshot generated = "ALWAYS".equals(str(r, "is_generated"))
          && str(r, "generation_expression") != null && !str(r, "generation_expression").isEmpty()
          ? new dev.sluice.migrations.snapshot.GeneratedSnapshot(str(r, "generation_expression"), true) : null;
      tables.column(table, new ColumnSnapshot(str(r, "column_name"), type, "YES".equals(str(r, "is_nullable")),
          generated == null ? d : null, identity, generated));
    }
    Map<String, List<String>> refColumns = new LinkedHashMap<>();
    Map<String, String> refTables = new LinkedHashMap<>();
    for (Row r : rows(rows, "ref-columns")) {
      String key = str(r, "name");
      refColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(str(r, "column_name"));
      refTables.put(key, str(r, "table_name"));
    }
    for (List<Row> key : TableCollector.byTableAndName(rows(rows, "keys")).values()) {
      Row first = key.get(0);
      String table = str(first, "table_name");
      List<String> cols = key.stream().map(r -> str(r, "column_name")).toList();
      switch (str(first, "kind")) {
        case "PRIMARY KEY" -> {
          if (cols.stream().allMatch(c -> visible.contains(table + "." + c))) {
            tables.primaryKey(table, cols); // not the hidden rowid's key
          }
        }
        case "UNIQUE" -> tables.unique(table, new UniqueSnapshot(str(first, "name"), cols));
        case "FOREIGN KEY" -> {
          String ref = str(first, "ref_constraint");
          List<String> all = refColumns.getOrDefault(ref, List.of());
          List<String> refCols = key.stream().map(r -> all.get(integer(r, "ref_pos", 1) - 1)).toList();
          tables.foreignKey(table, new ForeignKeySnapshot(str(first, "name"), cols, refTables.get(ref), refCols,
              CatalogValues.action(str(first, "on_delete")), CatalogValues.action(str(first, "on_update"))));
        }
        default -> { }
      }
    }
    for (Row r : rows(rows, "checks")) {
      tables.check(str(r, "table_name"), new CheckSnapshot(str(r, "name"), checkBody(str(r, "def"))));
    }
    for (List<Row> ix : TableCollector.byTableAndName(rows(rows, "indexes")).values()) {
      Row first = ix.get(0);
      tables.index(str(first, "table_name"), new IndexSnapshot(str(first, "name"),
          ix.stream().map(r -> str(r, "column_name")).toList(), "true".equals(str(first, "is_unique")),
          str(first, "predicate")));
    }
    List<EnumSnapshot> enumList = new ArrayList<>();
    enums.forEach((n, v) -> enumList.add(new EnumSnapshot(n, v)));
    return SchemaSnapshot.of(enumList, tables.tables(), LiveViews.of(rows(rows, "views"), excluded, "m"));
  }

  /** {@code 'it''s':::STRING} → the string, {@code 0:::INT8} → 0, {@code now():::TIMESTAMPTZ} → {@code now()}. */
  static ColumnDefault defaultOf(String printed, ColumnType type) {
    if (printed == null) {
      return null;
    }
    String s = printed.trim();
    Matcher cast = TYPED_CAST.matcher(s);
    if (cast.matches()) {
      s = cast.group(1).trim();
    }
    return Defaults.parse(s, type.kind() == SqlKind.BOOLEAN);
  }

  /** {@code CHECK ((age >= 0))} → {@code ((age >= 0))}, as the PostgreSQL introspector reads it. */
  private static String checkBody(String def) {
    String s = def.trim();
    if (s.startsWith("CHECK ")) {
      s = s.substring(6).trim();
    }
    return s.endsWith(" NOT VALID") ? s.substring(0, s.length() - 10) : s;
  }

  private static ColumnType type(Row r, Set<String> enums) {
    String udt = str(r, "udt_name");
    int len = integer(r, "len", 0);
    return switch (udt) {
      case "int2" -> ColumnType.of(SqlKind.SMALLINT);
      case "int4" -> ColumnType.of(SqlKind.INTEGER);
      case "int8" -> ColumnType.of(SqlKind.BIGINT);
      case "bool" -> ColumnType.of(SqlKind.BOOLEAN);
      case "varchar" -> len == 0 ? ColumnType.of(SqlKind.TEXT) : new ColumnType(SqlKind.VARCHAR, len, 0, 0, null);
      case "bpchar" -> new ColumnType(SqlKind.CHAR, len, 0, 0, null);
      case "text" -> ColumnType.of(SqlKind.TEXT);
      case "numeric" -> new ColumnType(SqlKind.DECIMAL, 0, integer(r, "prec", 0), integer(r, "scale", 0), null);
      case "float4" -> ColumnType.of(SqlKind.REAL);
      case "float8" -> ColumnType.of(SqlKind.DOUBLE);
      case "date" -> ColumnType.of(SqlKind.DATE);
      case "time" -> ColumnType.of(SqlKind.TIME);
      case "timestamp" -> ColumnType.of(SqlKind.TIMESTAMP);
      case "timestamptz" -> ColumnType.of(SqlKind.TIMESTAMPTZ);
      case "uuid" -> ColumnType.of(SqlKind.UUID);
      case "jsonb", "json" -> ColumnType.of(SqlKind.JSONB);
      case "bytea" -> ColumnType.of(SqlKind.BYTES);
      default -> enums.contains(udt) ? new ColumnType(SqlKind.ENUM, 0, 0, 0, udt)
          : new ColumnType(SqlKind.CUSTOM, 0, 0, 0, udt);
    };
  }
}
