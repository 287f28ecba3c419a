package dev.sluice.migrations.introspect;

import static dev.sluice.migrations.introspect.PostgresIntrospector.str;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.GeneratedSnapshot;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * MySQL's and MariaDB's {@code information_schema}, in the current database. An enum is a column
 * type there, not a named type: it comes back as an enum named {@code <table>_<column>} with the
 * column's labels. {@code tinyint(1)} is a boolean, {@code datetime(6)} a timestamp, {@code
 * longtext} text, {@code float} real; {@code auto_increment} is identity. MariaDB's {@code JSON} is a
 * {@code LONGTEXT} with a {@code json_valid(column)} check: such a column is JSON and that check is
 * left out. A unique index backing a
 * {@code UNIQUE} constraint is a unique constraint; other indexes are indexes. MariaDB prints
 * literal defaults quoted ({@code 'abc'}) and {@code NULL} for none; MySQL prints them bare. A
 * generated column ({@code EXTRA} {@code STORED GENERATED} / {@code VIRTUAL GENERATED}) keeps the
 * server's spelling of its expression; a view is its name and columns ({@link LiveViews}).
 */
final class MySqlIntrospector implements Introspector {
  private static final String COLUMNS = """
      SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.DATA_TYPE AS data_type,
        c.COLUMN_TYPE AS column_type, c.CHARACTER_MAXIMUM_LENGTH AS len, c.NUMERIC_PRECISION AS prec,
        c.NUMERIC_SCALE AS scale, c.IS_NULLABLE AS nullable, c.COLUMN_DEFAULT AS dflt, c.EXTRA AS extra,
        c.GENERATION_EXPRESSION AS generation
      FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
        ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
      WHERE c.TABLE_SCHEMA = DATABASE() ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""";
  private static final String KEYS = """
      SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS kind,
        k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column,
        r.DELETE_RULE AS on_delete, r.UPDATE_RULE AS on_update
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND r.TABLE_NAME = tc.TABLE_NAME AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
      ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";
  private static final String CHECKS = """
      SELECT tc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause
      FROM information_schema.CHECK_CONSTRAINTS cc JOIN information_schema.TABLE_CONSTRAINTS tc
        ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
        AND tc.CONSTRAINT_TYPE = 'CHECK'
      WHERE cc.CONSTRAINT_SCHEMA = DATABASE() ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME""";
  private static final String INDEXES = """
      SELECT s.TABLE_NAME AS table_name, s.INDEX_NAME AS name, s.NON_UNIQUE AS non_unique, s.COLUMN_NAME AS column_name
      FROM information_schema.STATISTICS s
      WHERE s.TABLE_SCHEMA = DATABASE() AND s.INDEX_NAME <> 'PRIMARY'
        AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS tc WHERE tc.TABLE_SCHEMA = s.TABLE_SCHEMA
          AND tc.TABLE_NAME = s.TABLE_NAME AND tc.CONSTRAINT_NAME = s.INDEX_NAME AND tc.CONSTRAINT_TYPE IN ('UNIQUE', 'FOREIGN KEY'))
      ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX""";
  private static final Pattern ENUM = Pattern.compile("^enum\\((.*)\\)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern JSON_VALID = Pattern.compile("^json_valid\\(`((?:[^`]|``)+)`\\)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

  /** Views with their columns, in order. */
  static final String VIEWS = """
      SELECT c.TABLE_NAME AS name, 'v' AS kind, c.COLUMN_NAME AS column_name
      FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
        ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'VIEW'
      WHERE c.TABLE_SCHEMA = DATABASE() ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""";

  @Override public Mono<SchemaSnapshot> snapshot(Database db, Set<String> excluded) {
    return db.sql(COLUMNS).fetch().collectList().flatMap(columns ->
        db.sql(KEYS).fetch().collectList().flatMap(keys ->
            db.sql(CHECKS).fetch().collectList().flatMap(checks ->
                db.sql(INDEXES).fetch().collectList().flatMap(indexes ->
                    db.sql(VIEWS).fetch().collectList().map(views -> build(columns, keys, checks, indexes, excluded)
                        .withViews(LiveViews.of(views, excluded, null)))))));
  }

  private static SchemaSnapshot build(List<Row> columnRows, List<Row> keyRows, List<Row> checkRows, List<Row> indexRows,
      Set<String> excluded) {
    TableCollector tables = new TableCollector(excluded);
    List<EnumSnapshot> enums = new ArrayList<>();
    java.util.Set<String> jsonColumns = new java.util.HashSet<>();
    for (Row r : checkRows) {
      java.util.regex.Matcher j = JSON_VALID.matcher(str(r, "clause"));
      if (j.matches()) {
        jsonColumns.add(str(r, "table_name") + "." + j.group(1));
      }
    }
    for (Row r : columnRows) {
      String table = str(r, "table_name");
      String column = str(r, "column_name");
      String columnType = str(r, "column_type").toLowerCase(Locale.ROOT);
      ColumnType type;
      Matcher e = ENUM.matcher(str(r, "column_type"));
      if (e.matches()) {
        List<String> labels = new ArrayList<>();
        Matcher l = LABEL.matcher(e.group(1));
        while (l.find()) {
          labels.add(l.group(1).replace("''", "'"));
        }
        String name = table + "_" + column;
        if (!excluded.contains(table)) {
          enums.add(new EnumSnapshot(name, labels));
        }
        type = new ColumnType(SqlKind.ENUM, 0, 0, 0, name);
      } else {
        type = jsonColumns.contains(table + "." + column) ? ColumnType.of(SqlKind.JSON)
            : type(str(r, "data_type").toLowerCase(Locale.ROOT), columnType, r);
      }
      boolean identity = str(r, "extra") != null && str(r, "extra").toLowerCase(Locale.ROOT).contains("auto_increment");
      ColumnDefault d = identity ? null : Defaults.parse(str(r, "dflt"), type.kind() == SqlKind.BOOLEAN);
      if (d != null && d.kind() == ColumnDefault.Kind.SQL && type.kind() != SqlKind.TIMESTAMP
          && d.value().matches("[A-Za-z0-9_ .:-]+") && !d.value().contains("(")) {
        d = ColumnDefault.string(d.value()); // MySQL prints a string default bare
      }
      String extra = str(r, "extra") == null ? "" : str(r, "extra").toUpperCase(Locale.ROOT);
      GeneratedSnapshot generated = extra.contains("GENERATED") && str(r, "generation") != null
          && !str(r, "generation").isEmpty() ? new GeneratedSnapshot(str(r, "generation"), extra.contains("STORED")) : null;
      tables.column(table, new ColumnSnapshot(column, type, "YES".equals(str(r, "nullable")), generated != null ? null : d,
          identity, generated));
    }
    Map<String, List<Row>> byKey = TableCollector.byTableAndName(keyRows);
    for (List<Row> rows : byKey.values()) {
      Row first = rows.get(0);
      String table = str(first, "table_name");
      List<String> cols = rows.stream().map(r -> str(r, "column_name")).toList();
      switch (str(first, "kind")) {
        case "PRIMARY KEY" -> tables.primaryKey(table, cols);
        case "UNIQUE" -> tables.unique(table, new UniqueSnapshot(str(first, "name"), cols));
        case "FOREIGN KEY" -> tables.foreignKey(table, new ForeignKeySnapshot(str(first, "name"), cols,
            str(first, "ref_table"), rows.stream().map(r -> str(r, "ref_column")).toList(),
            action(str(first, "on_delete")), action(str(first, "on_update"))));
        default -> { }
      }
    }
    for (Row r : checkRows) {
      String clause = str(r, "clause");
      if (JSON_VALID.matcher(clause).matches()) {
        continue; // MariaDB's JSON: a LONGTEXT column with json_valid(column) as check (read as JSON above)
      }
      tables.check(str(r, "table_name"), new CheckSnapshot(str(r, "name"), clause));
    }
    Map<String, List<Row>> byIndex = TableCollector.byTableAndName(indexRows);
    for (List<Row> rows : byIndex.values()) {
      Row first = rows.get(0);
      tables.index(str(first, "table_name"), new IndexSnapshot(str(first, "name"),
          rows.stream().map(r -> str(r, "column_name")).toList(), first.get("non_unique", Integer.class) == 0, null));
    }
    return SchemaSnapshot.of(enums, tables.tables());
  }

  private static ColumnType type(String dataType, String columnType, Row r) {
    Long len = r.get("len", Long.class);
    Integer prec = r.get("prec", Integer.class);
    Integer scale = r.get("scale", Integer.class);
    return switch (dataType) {
      case "smallint" -> ColumnType.of(SqlKind.SMALLINT);
      case "int", "integer", "mediumint" -> ColumnType.of(SqlKind.INTEGER);
      case "bigint" -> ColumnType.of(SqlKind.BIGINT);
      case "tinyint" -> columnType.startsWith("tinyint(1)") ? ColumnType.of(SqlKind.BOOLEAN) : ColumnType.of(SqlKind.SMALLINT);
      case "bit", "boolean" -> ColumnType.of(SqlKind.BOOLEAN);
      case "varchar" -> new ColumnType(SqlKind.VARCHAR, len == null ? 0 : (int) Math.min(len, Integer.MAX_VALUE), 0, 0, null);
      case "char" -> new ColumnType(SqlKind.CHAR, len == null ? 0 : (int) Math.min(len, Integer.MAX_VALUE), 0, 0, null);
      case "text", "longtext", "mediumtext", "tinytext" -> ColumnType.of(SqlKind.TEXT);
      case "decimal", "numeric" -> new ColumnType(SqlKind.DECIMAL, 0, prec == null ? 0 : prec, scale == null ? 0 : scale, null);
      case "float" -> ColumnType.of(SqlKind.REAL);
      case "double" -> ColumnType.of(SqlKind.DOUBLE);
      case "date" -> ColumnType.of(SqlKind.DATE);
      case "time" -> ColumnType.of(SqlKind.TIME);
      case "datetime", "timestamp" -> ColumnType.of(SqlKind.TIMESTAMP);
      case "json" -> ColumnType.of(SqlKind.JSON);
      case "uuid" -> ColumnType.of(SqlKind.UUID);
      case "blob", "longblob", "mediumblob", "varbinary", "binary" -> ColumnType.of(SqlKind.BYTES);
      default -> new ColumnType(SqlKind.CUSTOM, 0, 0, 0, columnType.toUpperCase(Locale.ROOT));
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
