package dev.sluice.migrations.introspect;

import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers catalog rows table by table into {@link TableSnapshot}s, leaving out excluded tables. */
final class TableCollector {
  private final Set<String> excluded;
  private final Map<String, Parts> tables = new LinkedHashMap<>();

  TableCollector(Set<String> excluded) {
    this.excluded = excluded;
  }

  private static final class Parts {
    final List<ColumnSnapshot> columns = new ArrayList<>();
    List<String> primaryKey = List.of();
    final List<ForeignKeySnapshot> fks = new ArrayList<>();
    final List<UniqueSnapshot> uniques = new ArrayList<>();
    final List<IndexSnapshot> indexes = new ArrayList<>();
    final List<CheckSnapshot> checks = new ArrayList<>();
  }

  private Parts parts(String table) {
    return tables.computeIfAbsent(table, t -> new Parts());
  }

  private boolean skip(String table) {
    return table == null || excluded.contains(table);
  }

  void column(String table, ColumnSnapshot c) { if (!skip(table)) { parts(table).columns.add(c); } }

  void primaryKey(String table, List<String> columns) { if (!skip(table)) { parts(table).primaryKey = List.copyOf(columns); } }

  void foreignKey(String table, ForeignKeySnapshot f) { if (!skip(table)) { parts(table).fks.add(f); } }

  void unique(String table, UniqueSnapshot u) { if (!skip(table)) { parts(table).uniques.add(u); } }

  void index(String table, IndexSnapshot i) { if (!skip(table)) { parts(table).indexes.add(i); } }

  void check(String table, CheckSnapshot c) { if (!skip(table)) { parts(table).checks.add(c); } }

  /** The tables gathered; a primary key column is never nullable. */
  List<TableSnapshot> tables() {
    List<TableSnapshot> out = new ArrayList<>();
    tables.forEach((name, p) -> {
      if (!p.columns.isEmpty()) {
        out.add(new TableSnapshot(name, p.columns, p.primaryKey, p.fks, p.uniques, p.indexes, p.checks));
      }
    });
    return out;
  }

  /**
   * Catalog rows (one per column of a key, a constraint or an index) grouped by their
   * {@code table_name} and {@code name}, in the order they came.
   */
  static Map<String, List<dev.sluice.Row>> byTableAndName(List<dev.sluice.Row> rows) {
    Map<String, List<dev.sluice.Row>> grouped = new LinkedHashMap<>();
    for (dev.sluice.Row r : rows) {
      grouped.computeIfAbsent(PostgresIntrospector.str(r, "table_name") + "\u0000"
          + PostgresIntrospector.str(r, "name"), k -> new ArrayList<>()).add(r);
    }
    return grouped;
  }
}
