package dev.sluice.migrations.introspect;

import static dev.sluice.migrations.introspect.PostgresIntrospector.str;

import dev.sluice.Database;
import dev.sluice.Row;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.ReferentialAction;
import dev.sluice.schema.SqlKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * SQLite's {@code sqlite_master} and table-valued pragmas ({@code pragma_table_info},
 * {@code pragma_foreign_key_list}, {@code pragma_index_list}, {@code pragma_index_info}). SQLite
 * keeps a column's declared type, so the kinds are what Sluice's SQLite dialect declares
 * ({@code INTEGER}, {@code BIGINT}, {@code TEXT}, {@code REAL}, {@code NUMERIC(p, s)}, {@code
 * BLOB}). It forgets the names of foreign keys and unique constraints: they come back named by the
 * code's convention ({@code <table>_<columns>_fkey}, {@code <table>_<columns>_key}). Checks are
 * read from the table's {@code CREATE TABLE} text; those named {@code <table>_<column>_enum}
 * stand in for enums: their column reads back as an enum named {@code <table>_<column>} with the
 * check's labels (see {@link EnumChecks}), and the check itself is left out. An {@code INTEGER
 * PRIMARY KEY} of an {@code AUTOINCREMENT} table has identity.
 */
final class SqliteIntrospector implements Introspector {
  private static final Pattern CHECK = Pattern.compile("CONSTRAINT\\s+\"((?:[^\"]|\"\")+)\"\\s+CHECK\\s*\\(",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DECIMAL = Pattern.compile("(?:NUMERIC|DECIMAL_TEXT)\\((\\d+),\\s*(\\d+)\\)",
      Pattern.CASE_INSENSITIVE);
  /** The length check Sluice's SQLite DDL gives a varchar: {@code "users.phone: at most 20 characters"}. */
  private static final Pattern LENGTH_CHECK = Pattern.compile(".*\\.(.+): at most (\\d+) characters");
  /** Its body, which names the column as it is now ({@code ALTER TABLE ... RENAME COLUMN} rewrites the body, not the name). */
  private static final Pattern LENGTH_BODY = Pattern.compile("\\s*length\\(\"((?:[^\"]|\"\")+)\"\\)\\s*<=\\s*(\\d+)\\s*");
  private static final Pattern WHERE = Pattern.compile("\\)\\s+WHERE\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  @Override public Mono<SchemaSnapshot> snapshot(Database db, Set<String> excluded) {
    return db.sql("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
        .fetch()
        .filter(r -> !excluded.contains(str(r, "name")))
        .concatMap(r -> table(db, str(r, "name"), str(r, "sql")))
        .collectList()
        .map(parsed -> SchemaSnapshot.of(parsed.stream().flatMap(p -> p.enums().stream()).toList(),
            parsed.stream().map(Parsed::table).toList()))
        .flatMap(s -> views(db, excluded).map(s::withViews));
  }

  /** Each view's name and columns ({@link LiveViews}). */
  private static Mono<List<dev.sluice.migrations.snapshot.ViewSnapshot>> views(Database db, Set<String> excluded) {
    return db.sql("SELECT v.name AS name, 'v' AS kind, c.name AS column_name FROM sqlite_master v, "
            + "pragma_table_info(v.name) c WHERE v.type = 'view' ORDER BY v.name, c.cid")
        .fetch().collectList().map(rows -> LiveViews.of(rows, excluded, null));
  }

  private Mono<Parsed> table(Database db, String name, String sql) {
    Mono<List<Row>> columns = db.sql("SELECT name, type, \"notnull\" AS nn, dflt_value, pk, hidden FROM pragma_table_xinfo({0}) ORDER BY cid", name)
        .fetch().collectList();
    Mono<List<Row>> fks = db.sql("SELECT id, seq, \"table\" AS ref_table, \"from\" AS col, \"to\" AS ref_col, on_update, on_delete"
        + " FROM pragma_foreign_key_list({0}) ORDER BY id, seq", name).fetch().collectList();
    Mono<List<Object[]>> indexes = db.sql("SELECT name, \"unique\" AS uq, origin, partial FROM pragma_index_list({0}) ORDER BY name", name)
        .fetch()
        .concatMap(ix -> db.sql("SELECT name FROM pragma_index_info({0}) ORDER BY seqno", str(ix, "name")).fetch()
            .map(c -> str(c, "name")).collectList()
            .flatMap(cols -> db.sql("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = {0}", str(ix, "name"))
                .fetch().next().map(r -> String.valueOf(str(r, "sql"))).defaultIfEmpty("")
                .map(ixSql -> new Object[] {ix, cols, ixSql})))
        .collectList();
    return Mono.zip(columns, fks, indexes).map(t -> build(name, sql, t.getT1(), t.getT2(), t.getT3()));
  }

  private static Parsed build(String table, String sql, List<Row> columnRows, List<Row> fkRows, List<Object[]> indexRows) {
    boolean autoincrement = sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
    List<ColumnSnapshot> columns = new ArrayList<>();
    Map<Integer, String> pk = new java.util.TreeMap<>();
    for (Row r : columnRows) {
      int pkPos = r.get("pk", Integer.class);
      if (pkPos > 0) {
        pk.put(pkPos, str(r, "name"));
      }
    }
    for (Row r : columnRows) {
      String declared = str(r, "type");
      ColumnType type = type(declared);
      boolean identity = autoincrement && pk.size() == 1 && pk.containsValue(str(r, "name")) && "INTEGER".equalsIgnoreCase(declared);
      boolean nullable = r.get("nn", Integer.class) == 0 && !pk.containsValue(str(r, "name"));
      int hidden = r.get("hidden", Integer.class) == null ? 0 : r.get("hidden", Integer.class);
      dev.sluice.migrations.snapshot.GeneratedSnapshot generated = hidden == 2 || hidden == 3
          ? new dev.sluice.migrations.snapshot.GeneratedSnapshot(generatedExpression(sql, str(r, "name")), hidden == 3) : null;
      columns.add(new ColumnSnapshot(str(r, "name"), identity ? ColumnType.of(SqlKind.INTEGER) : type, nullable,
          identity || generated != null ? null : Defaults.parse(unparen(str(r, "dflt_value")), false), identity, generated));
    }
    Map<Integer, List<Row>> byFk = new LinkedHashMap<>();
    for (Row r : fkRows) {
      byFk.computeIfAbsent(r.get("id", Integer.class), k -> new ArrayList<>()).add(r);
    }
    List<ForeignKeySnapshot> fks = new ArrayList<>();
    for (List<Row> rows : byFk.values()) {
      List<String> cols = rows.stream().map(r -> str(r, "col")).toList();
      fks.add(new ForeignKeySnapshot(table + "_" + String.join("_", cols) + "_fkey", cols, str(rows.get(0), "ref_table"),
          rows.stream().map(r -> str(r, "ref_col")).toList(), action(str(rows.get(0), "on_delete")),
          action(str(rows.get(0), "on_update"))));
    }
    List<UniqueSnapshot> uniques = new ArrayList<>();
    List<IndexSnapshot> indexes = new ArrayList<>();
    for (Object[] ix : indexRows) {
      Row r = (Row) ix[0];
      @SuppressWarnings("unchecked") List<String> cols = (List<String>) ix[1];
      String origin = str(r, "origin");
      if ("u".equals(origin)) {
        uniques.add(new UniqueSnapshot(table + "_" + String.join("_", cols) + "_key", cols));
      } else if ("c".equals(origin)) {
        Matcher w = WHERE.matcher((String) ix[2]);
        indexes.add(new IndexSnapshot(str(r, "name"), cols, r.get("uq", Integer.class) == 1,
            r.get("partial", Integer.class) == 1 && w.find() ? w.group(1).trim() : null));
      }
    }
    List<CheckSnapshot> checks = new ArrayList<>();
    List<EnumSnapshot> enums = new ArrayList<>();
    Matcher m = CHECK.matcher(sql);
    while (m.find()) {
      String checkName = m.group(1).replace("\"\"", "\"");
      String body = balanced(sql, m.end() - 1);
      Matcher length = LENGTH_CHECK.matcher(checkName);
      if (length.matches()) {
        // a varchar's length, which SQLite itself does not keep: give the TEXT column its length back
        Matcher current = LENGTH_BODY.matcher(body);
        String column = current.matches() ? current.group(1).replace("\"\"", "\"") : length.group(1);
        for (int i = 0; i < columns.size(); i++) {
          ColumnSnapshot c = columns.get(i);
          if (c.name().equals(column) && c.type().kind() == SqlKind.TEXT) {
            columns.set(i, c.withType(new ColumnType(SqlKind.VARCHAR, Integer.parseInt(length.group(2)), 0, 0, null)));
          }
        }
      } else if (EnumChecks.isEnumCheck(checkName)) {
        // an enum's stand-in: its column is the enum <table>_<column> with the check's labels
        Optional<EnumChecks.Parsed> parsed = EnumChecks.parse(body);
        for (int i = 0; i < columns.size() && parsed.isPresent(); i++) {
          ColumnSnapshot c = columns.get(i);
          if (c.name().equals(parsed.get().column()) && c.type().kind() == SqlKind.TEXT) {
            String enumName = EnumChecks.enumName(table, c.name());
            columns.set(i, c.withType(new ColumnType(SqlKind.ENUM, 0, 0, 0, enumName)));
            enums.add(new EnumSnapshot(enumName, parsed.get().labels()));
          }
        }
      } else if (!checkName.endsWith(" digits before the point")) {
        checks.add(new CheckSnapshot(checkName, body));
      }
    }
    return new Parsed(new TableSnapshot(table, columns, List.copyOf(pk.values()), fks, uniques, indexes, checks), enums);
  }

  /** One table read back, and the enums its stand-in checks declare ({@code <table>_<column>}). */
  private record Parsed(TableSnapshot table, List<EnumSnapshot> enums) { }

  /** The text inside the parentheses opening at {@code open}, quotes respected. */
  static String balanced(String s, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return s.substring(open + 1, i);
      }
    }
    return s.substring(open + 1);
  }

  private static String unparen(String s) {
    if (s != null && s.startsWith("(") && s.endsWith(")")) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static ColumnType type(String declared) {
    String t = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
    Matcher d = DECIMAL.matcher(t);
    if (d.matches()) {
      return new ColumnType(SqlKind.DECIMAL, 0, Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), null);
    }
    return switch (t) {
      case "INTEGER" -> ColumnType.of(SqlKind.INTEGER);
      case "BIGINT" -> ColumnType.of(SqlKind.BIGINT);
      case "TEXT" -> ColumnType.of(SqlKind.TEXT);
      case "REAL" -> ColumnType.of(SqlKind.DOUBLE);
      case "BLOB" -> ColumnType.of(SqlKind.BYTES);
      default -> new ColumnType(SqlKind.CUSTOM, 0, 0, 0, declared);
    };
  }

  private static ReferentialAction action(String s) {
    return switch (s == null ? "" : s.toUpperCase(Locale.ROOT)) {
      case "CASCADE" -> ReferentialAction.CASCADE;
      case "SET NULL" -> ReferentialAction.SET_NULL;
      case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
      case "RESTRICT" -> ReferentialAction.RESTRICT;
      default -> ReferentialAction.NO_ACTION;
    };
  }

  /**
   * The expression of generated column {@code column} as the table's {@code CREATE TABLE} text holds
   * it (SQLite keeps the text as written): what is inside the parentheses after {@code GENERATED
   * ALWAYS AS} in the column's definition, or {@code ?} when it cannot be found.
   */
  static String generatedExpression(String createSql, String column) {
    String upper = createSql.toUpperCase(Locale.ROOT);
    int at = createSql.indexOf("\"" + column.replace("\"", "\"\"") + "\"");
    int as = at < 0 ? -1 : upper.indexOf("AS", upper.indexOf("GENERATED ALWAYS", at) + 1);
    int open = as < 0 ? -1 : createSql.indexOf('(', as);
    if (at < 0 || open < 0 || upper.indexOf("GENERATED ALWAYS", at) < 0) {
      return "?";
    }
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < createSql.length(); i++) {
      char ch = createSql.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')' && --depth == 0) {
        return createSql.substring(open + 1, i).trim();
      }
    }
    return "?";
  }
}
