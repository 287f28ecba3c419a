package dev.sluice.migrations.introspect;

import dev.sluice.Row;
import dev.sluice.migrations.snapshot.ViewSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views read from a live database: name, kind and columns, never the definition. A server stores a
 * view's query rewritten (PostgreSQL prints it back from its parse tree, MySQL qualifies every name,
 * SQLite keeps the text but not Sluice's spelling), so the text cannot be compared with what Sluice
 * renders; migrations compare the definition hashes of two snapshots instead, and a live view is
 * compared with the code's by kind and columns only.
 */
final class LiveViews {
  private LiveViews() { }

  /**
   * Views from rows of {@code name}, {@code kind} and {@code column_name} (one row per column, in
   * order); a kind equal to {@code materializedKind} is a materialized view.
   */
  static List<ViewSnapshot> of(List<Row> rows, Set<String> excluded, String materializedKind) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, Boolean> materialized = new LinkedHashMap<>();
    for (Row r : rows) {
      String name = PostgresIntrospector.str(r, "name");
      if (excluded.contains(name)) {
        continue;
      }
      columns.computeIfAbsent(name, k -> new ArrayList<>()).add(PostgresIntrospector.str(r, "column_name"));
      materialized.put(name, materializedKind != null && materializedKind.equals(PostgresIntrospector.str(r, "kind")));
    }
    List<ViewSnapshot> out = new ArrayList<>();
    columns.forEach((name, cols) -> out.add(ViewSnapshot.live(name, null, cols, materialized.get(name))));
    return out;
  }
}
