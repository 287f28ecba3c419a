package dev.sluice.migrations.introspect;

import static dev.sluice.migrations.introspect.PostgresIntrospector.str;

import dev.sluice.Database;
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
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * H2 2.x's {@code INFORMATION_SCHEMA} in the current schema. Enums are {@code VARCHAR(255)}
 * columns there with a stand-in check ({@code <table>_<column>_enum}): such a column reads back as
 * an enum named {@code <table>_<column>} with the check's labels (see {@link EnumChecks}), and the
 * check itself is left out. {@code
 * CHARACTER VARYING} of H2's maximum length (declared without one, as Sluice's H2 dialect does for {@code text})
 * is text.
 */
final class H2Introspector implements Introspector {
  /** The length H2 reports for {@code CHARACTER VARYING} declared without one. */
  private static final int H2_MAX_LENGTH = 1_000_000_000;

  private static final String COLUMNS = """
      SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.DATA_TYPE AS data_type,
        c.CHARACTER_MAXIMUM_LENGTH AS len, c.NUMERIC_PRECISION AS prec, c.NUMERIC_SCALE AS scale,
        c.IS_NULLABLE AS nullable, c.COLUMN_DEFAULT AS dflt, c.IS_IDENTITY AS is_identity,
        c.IS_GENERATED AS is_generated, c.GENERATION_EXPRESSION AS generation
      FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t
        ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
      WHERE c.TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""";
  private static final String KEYS = """
      SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS kind,
        k.COLUMN_NAME AS column_name, k.ORDINAL_POSITION AS pos, k.POSITION_IN_UNIQUE_CONSTRAINT AS ref_pos,
        r.UNIQUE_CONSTRAINT_NAME AS ref_constraint, r.DELETE_RULE AS on_delete, r.UPDATE_RULE AS on_update
      FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
      JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = CURRENT_SCHEMA AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
      ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";
  private static final String REF_COLUMNS = """
      SELECT tc.CONSTRAINT_NAME AS name, tc.TABLE_NAME AS table_name, k.COLUMN_NAME AS column_name,
        k.ORDINAL_POSITION AS pos
      FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
      JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = CURRENT_SCHEMA AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')
      ORDER BY tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";
  private static final String CHECKS = """
      SELECT tc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause
      FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
        ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
      WHERE cc.CONSTRAINT_SCHEMA = CURRENT_SCHEMA ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME""";
  private static final String INDEXES = """
      SELECT i.TABLE_NAME AS table_name, i.INDEX_NAME AS name, i.INDEX_TYPE_NAME AS type_name,
        ic.COLUMN_NAME AS column_name
      FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic
        ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME
      WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA AND i.INDEX_TYPE_NAME IN ('INDEX', 'UNIQUE INDEX')
        AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc WHERE tc.INDEX_SCHEMA = i.INDEX_SCHEMA
          AND tc.INDEX_NAME = i.INDEX_NAME)
      ORDER BY i.TABLE_NAME, i.INDEX_NAME, ic.ORDINAL_POSITION""";

  @Override public Mono<SchemaSnapshot> snapshot(Database db, Set<String> excluded) {
    // one query after the other: the catalog read takes one connection at a time
    return db.sql(COLUMNS).fetch().collectList().flatMap(columns ->
        db.sql(KEYS).fetch().collectList().flatMap(keys ->
            db.sql(REF_COLUMNS).fetch().collectList().flatMap(refs ->
                db.sql(CHECKS).fetch().collectList().flatMap(checks ->
                    db.sql(INDEXES).fetch().collectList().flatMap(indexes ->
                        db.sql(VIEWS).fetch().collectList().map(views ->
                            build(columns, keys, refs, checks, indexes, excluded)
                                .withViews(LiveViews.of(views, excluded, null))))))));
  }

  /** Views with their columns, in order. */
  static final String VIEWS = """
      SELECT c.TABLE_NAME AS name, 'v' AS kind, c.COLUMN_NAME AS column_name
      FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t
        ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'VIEW'
      WHERE c.TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""";

  private static SchemaSnapshot build(List<Row> columnRows, List<Row> keyRows, List<Row> refRows, List<Row> checkRows,
      List<Row> indexRows, Set<String> excluded) {
    TableCollector tables = new TableCollector(excluded);
    Map<String, List<String>> enumLabels = new LinkedHashMap<>();
    for (Row r : checkRows) {
      String name = str(r, "name");
      if (EnumChecks.isEnumCheck(name)) {
        String table = str(r, "table_name");
        EnumChecks.parse(str(r, "clause")).ifPresent(p -> enumLabels.put(table + "\u0000" + p.column(), p.labels()));
      }
    }
    List<EnumSnapshot> enums = new ArrayList<>();
    for (Row r : columnRows) {
      ColumnType type = type(str(r, "data_type"), r);
      List<String> labels = enumLabels.get(str(r, "table_name") + "\u0000" + str(r, "column_name"));
      if (labels != null && type.kind() == SqlKind.VARCHAR) {
        type = new ColumnType(SqlKind.ENUM, 0, 0, 0, EnumChecks.enumName(str(r, "table_name"), str(r, "column_name")));
        if (!excluded.contains(str(r, "table_name"))) {
          enums.add(new EnumSnapshot(type.name(), labels));
        }
      }
      boolean identity = "YES".equals(str(r, "is_identity"));
      ColumnDefault d = identity ? null : Defaults.parse(str(r, "dflt"), type.kind() == SqlKind.BOOLEAN);
      // H2 computes a generated column when a row is written: read as stored
      dev.sluice.migrations.snapshot.GeneratedSnapshot generated = "ALWAYS".equals(str(r, "is_generated"))
          ? new dev.sluice.migrations.snapshot.GeneratedSnapshot(str(r, "generation"), true) : null;
      tables.column(str(r, "table_name"), new ColumnSnapshot(str(r, "column_name"), type,
          "YES".equals(str(r, "nullable")), generated != null ? null : d, identity, generated));
    }
    Map<String, List<String>> refColumns = new LinkedHashMap<>();
    Map<String, String> refTables = new LinkedHashMap<>();
    for (Row r : refRows) {
      refColumns.computeIfAbsent(str(r, "name"), k -> new ArrayList<>()).add(str(r, "column_name"));
      refTables.put(str(r, "name"), str(r, "table_name"));
    }
    Map<String, List<Row>> byKey = TableCollector.byTableAndName(keyRows);
    for (List<Row> rows : byKey.values()) {
      Row first = rows.get(0);
      String table = str(first, "table_name");
      List<String> cols = rows.stream().map(r -> str(r, "column_name")).toList();
      switch (str(first, "kind")) {
        case "PRIMARY KEY" -> tables.primaryKey(table, cols);
        case "UNIQUE" -> tables.unique(table, new UniqueSnapshot(str(first, "name"), cols));
        case "FOREIGN KEY" -> {
          String ref = str(first, "ref_constraint");
          List<String> all = refColumns.getOrDefault(ref, List.of());
          List<String> refCols = rows.stream().map(r -> all.get(r.get("ref_pos", Integer.class) - 1)).toList();
          tables.foreignKey(table, new ForeignKeySnapshot(str(first, "name"), cols, refTables.get(ref), refCols,
              action(str(first, "on_delete")), action(str(first, "on_update"))));
        }
        default -> { }
      }
    }
    for (Row r : checkRows) {
      if (!EnumChecks.isEnumCheck(str(r, "name"))) {
        tables.check(str(r, "table_name"), new CheckSnapshot(str(r, "name"), str(r, "clause")));
      }
    }
    Map<String, List<Row>> byIndex = TableCollector.byTableAndName(indexRows);
    for (List<Row> rows : byIndex.values()) {
      Row first = rows.get(0);
      tables.index(str(first, "table_name"), new IndexSnapshot(str(first, "name"),
          rows.stream().map(r -> str(r, "column_name")).toList(), "UNIQUE INDEX".equals(str(first, "type_name")), null));
    }
    return SchemaSnapshot.of(enums, tables.tables());
  }

  private static ColumnType type(String dataType, Row r) {
    Integer len = r.get("len", Integer.class);
    Integer prec = r.get("prec", Integer.class);
    Integer scale = r.get("scale", Integer.class);
    return switch (dataType.toUpperCase(Locale.ROOT)) {
      case "SMALLINT" -> ColumnType.of(SqlKind.SMALLINT);
      case "INTEGER" -> ColumnType.of(SqlKind.INTEGER);
      case "BIGINT" -> ColumnType.of(SqlKind.BIGINT);
      case "BOOLEAN" -> ColumnType.of(SqlKind.BOOLEAN);
      case "CHARACTER VARYING" -> len == null || len >= H2_MAX_LENGTH
          ? ColumnType.of(SqlKind.TEXT) : new ColumnType(SqlKind.VARCHAR, len, 0, 0, null);
      case "CHARACTER" -> new ColumnType(SqlKind.CHAR, len == null ? 0 : len, 0, 0, null);
      case "CHARACTER LARGE OBJECT" -> ColumnType.of(SqlKind.TEXT);
      case "NUMERIC", "DECIMAL" -> new ColumnType(SqlKind.DECIMAL, 0, prec == null ? 0 : prec, scale == null ? 0 : scale, null);
      case "REAL" -> ColumnType.of(SqlKind.REAL);
      case "DOUBLE PRECISION" -> ColumnType.of(SqlKind.DOUBLE);
      case "DATE" -> ColumnType.of(SqlKind.DATE);
      case "TIME" -> ColumnType.of(SqlKind.TIME);
      case "TIMESTAMP" -> ColumnType.of(SqlKind.TIMESTAMP);
      case "TIMESTAMP WITH TIME ZONE" -> ColumnType.of(SqlKind.TIMESTAMPTZ);
      case "UUID" -> ColumnType.of(SqlKind.UUID);
      case "JSON" -> ColumnType.of(SqlKind.JSON);
      case "BINARY VARYING", "BINARY LARGE OBJECT" -> ColumnType.of(SqlKind.BYTES);
      default -> new ColumnType(SqlKind.CUSTOM, 0, 0, 0, dataType);
    };
  }

  private static ReferentialAction action(String rule) {
    return switch (rule == null ? "" : rule) {
      case "CASCADE" -> ReferentialAction.CASCADE;
      case "SET NULL" -> ReferentialAction.SET_NULL;
      case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
      case "RESTRICT" -> ReferentialAction.RESTRICT;
      default -> ReferentialAction.NO_ACTION;
    };
  }
}
