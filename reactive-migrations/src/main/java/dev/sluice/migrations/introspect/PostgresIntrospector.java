package dev.sluice.migrations.introspect;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.GeneratedSnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * PostgreSQL's {@code information_schema} and {@code pg_catalog}, in the current schema. A column
 * whose default is {@code nextval(...)} (serial) or that is an identity column has identity; a
 * check is read as {@code pg_get_constraintdef} prints it and a partial index's predicate as
 * {@code pg_get_expr} does (both parenthesised by PostgreSQL). A generated column's expression is
 * read as the server prints it, and a view as its name, kind and columns (see {@link LiveViews}).
 */
final class PostgresIntrospector implements Introspector {

  private static final String ENUMS = """
      SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t
      JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder""";
  private static final String COLUMNS = """
      SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length AS len,
        c.numeric_precision AS prec, c.numeric_scale AS scale, c.is_nullable, c.column_default, c.is_identity,
        c.is_generated, c.generation_expression
      FROM information_schema.columns c JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position""";
  private static final String CONSTRAINTS = """
      SELECT con.conname AS name, con.contype::text AS kind, cl.relname AS table_name,
        fcl.relname AS ref_table, con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
        a.attname AS column_name, fa.attname AS ref_column, k.ord, pg_get_constraintdef(con.oid) AS def
      FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      LEFT JOIN pg_class fcl ON fcl.oid = con.confrelid
      LEFT JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(col, fcol, ord) ON true
      LEFT JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col
      LEFT JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fcol
      WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f', 'u', 'c')
      ORDER BY cl.relname, con.conname, k.ord""";
  private static final String INDEXES = """
      SELECT i.relname AS name, t.relname AS table_name, ix.indisunique::text AS is_unique,
        pg_get_expr(ix.indpred, ix.indrelid) AS predicate, a.attname AS column_name, k.ord
      FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(col, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.col
      WHERE n.nspname = current_schema() AND NOT ix.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.contype IN ('u', 'p'))
      ORDER BY t.relname, i.relname, k.ord""";

  /** Views ({@code v}) and materialized views ({@code m}) with their columns, in order. */
  static final String VIEWS = """
      SELECT c.relname AS name, c.relkind::text AS kind, a.attname AS column_name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
      ORDER BY c.relname, a.attnum""";

  @Override public Mono<SchemaSnapshot> snapshot(Database db, Set<String> excluded) {
    return db.sql(ENUMS).fetch().collectList().flatMap(enumRows ->
        db.sql(COLUMNS).fetch().collectList().flatMap(columnRows ->
            db.sql(CONSTRAINTS).fetch().collectList().flatMap(constraintRows ->
                db.sql(INDEXES).fetch().collectList().flatMap(indexRows ->
                    db.sql(VIEWS).fetch().collectList().map(viewRows ->
                        build(enumRows, columnRows, constraintRows, indexRows, excluded)
                            .withViews(LiveViews.of(viewRows, excluded, "m")))))));
  }

  private static SchemaSnapshot build(List<Row> enumRows, List<Row> columnRows, List<Row> constraintRows,
      List<Row> indexRows, Set<String> excluded) {
    Map<String, List<String>> enums = new LinkedHashMap<>();
    for (Row r : enumRows) {
      enums.computeIfAbsent(str(r, "name"), k -> new ArrayList<>()).add(str(r, "label"));
    }
    TableCollector tables = new TableCollector(excluded);
    for (Row r : columnRows) {
      String table = str(r, "table_name");
      String def = str(r, "column_default");
      boolean identity = "YES".equals(str(r, "is_identity")) || (def != null && def.startsWith("nextval("));
      ColumnType type = type(r, enums.keySet());
      ColumnDefault d = identity ? null : Defaults.parse(def, type.kind() == SqlKind.BOOLEAN);
      GeneratedSnapshot generated = "ALWAYS".equals(str(r, "is_generated"))
          ? new GeneratedSnapshot(str(r, "generation_expression"), true) : null;
      tables.column(table, new ColumnSnapshot(str(r, "column_name"), type, "YES".equals(str(r, "is_nullable")), d, identity,
          generated));
    }
    Map<String, List<Row>> byConstraint = TableCollector.byTableAndName(constraintRows);
    for (List<Row> rows : byConstraint.values()) {
      Row first = rows.get(0);
      String table = str(first, "table_name");
      String name = str(first, "name");
      List<String> cols = rows.stream().map(r -> str(r, "column_name")).filter(c -> c != null).toList();
      switch (str(first, "kind")) {
        case "p" -> tables.primaryKey(table, cols);
        case "u" -> tables.unique(table, new UniqueSnapshot(name, cols));
        case "c" -> tables.check(table, new CheckSnapshot(name, checkBody(str(first, "def"))));
        case "f" -> tables.foreignKey(table, new ForeignKeySnapshot(name, cols, str(first, "ref_table"),
            rows.stream().map(r -> str(r, "ref_column")).toList(), action(str(first, "on_delete")),
            action(str(first, "on_update"))));
        default -> { }
      }
    }
    Map<String, List<Row>> byIndex = TableCollector.byTableAndName(indexRows);
    for (List<Row> rows : byIndex.values()) {
      Row first = rows.get(0);
      tables.index(str(first, "table_name"), new IndexSnapshot(str(first, "name"),
          rows.stream().map(r -> str(r, "column_name")).toList(), "true".equals(str(first, "is_unique")),
          str(first, "predicate")));
    }
    List<EnumSnapshot> enumList = new ArrayList<>();
    enums.forEach((n, v) -> enumList.add(new EnumSnapshot(n, v)));
    return SchemaSnapshot.of(enumList, tables.tables());
  }

  /** {@code CHECK ((age >= 0))} → {@code (age >= 0)}. */
  private static String checkBody(String def) {
    String s = def.trim();
    if (s.startsWith("CHECK ")) {
      s = s.substring(6).trim();
    }
    if (s.endsWith(" NOT VALID")) {
      s = s.substring(0, s.length() - 10);
    }
    return s;
  }

  private static ReferentialAction action(String code) {
    return switch (code == null ? "a" : code) {
      case "r" -> ReferentialAction.RESTRICT;
      case "c" -> ReferentialAction.CASCADE;
      case "n" -> ReferentialAction.SET_NULL;
      case "d" -> ReferentialAction.SET_DEFAULT;
      default -> ReferentialAction.NO_ACTION;
    };
  }

  private static ColumnType type(Row r, Set<String> enums) {
    String udt = str(r, "udt_name");
    Integer len = r.get("len", Integer.class);
    Integer prec = r.get("prec", Integer.class);
    Integer scale = r.get("scale", Integer.class);
    return switch (udt) {
      case "int2" -> ColumnType.of(SqlKind.SMALLINT);
      case "int4" -> ColumnType.of(SqlKind.INTEGER);
      case "int8" -> ColumnType.of(SqlKind.BIGINT);
      case "bool" -> ColumnType.of(SqlKind.BOOLEAN);
      case "varchar" -> new ColumnType(SqlKind.VARCHAR, len == null ? 0 : len, 0, 0, null);
      case "bpchar" -> new ColumnType(SqlKind.CHAR, len == null ? 0 : len, 0, 0, null);
      case "text" -> ColumnType.of(SqlKind.TEXT);
      case "numeric" -> new ColumnType(SqlKind.DECIMAL, 0, prec == null ? 0 : prec, scale == null ? 0 : scale, null);
      case "float4" -> ColumnType.of(SqlKind.REAL);
      case "float8" -> ColumnType.of(SqlKind.DOUBLE);
      case "date" -> ColumnType.of(SqlKind.DATE);
      case "time" -> ColumnType.of(SqlKind.TIME);
      case "timestamp" -> ColumnType.of(SqlKind.TIMESTAMP);
      case "timestamptz" -> ColumnType.of(SqlKind.TIMESTAMPTZ);
      case "uuid" -> ColumnType.of(SqlKind.UUID);
      case "json" -> ColumnType.of(SqlKind.JSON);
      case "jsonb" -> ColumnType.of(SqlKind.JSONB);
      case "bytea" -> ColumnType.of(SqlKind.BYTES);
      default -> enums.contains(udt) ? new ColumnType(SqlKind.ENUM, 0, 0, 0, udt)
          : new ColumnType(SqlKind.CUSTOM, 0, 0, 0, udt);
    };
  }

  static String str(Row r, String name) {
    Object v = r.get(name, Object.class);
    return v == null ? null : v.toString();
  }
}
