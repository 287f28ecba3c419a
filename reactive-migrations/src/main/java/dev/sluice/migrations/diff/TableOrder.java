package dev.sluice.migrations.diff;

import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders tables so that a table comes after the tables its foreign keys reference (cycles are kept in name order). */
public final class TableOrder {
  private TableOrder() { }

  /** {@code tables} with referenced tables first; references to tables outside the list are ignored. */
  public static List<TableSnapshot> referencedFirst(List<TableSnapshot> tables) {
    Map<String, TableSnapshot> byName = new LinkedHashMap<>();
    tables.stream().sorted(java.util.Comparator.comparing(TableSnapshot::name)).forEach(t -> byName.put(t.name(), t));
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String name : byName.keySet()) {
      visit(name, byName, done, visiting);
    }
    List<TableSnapshot> out = new ArrayList<>();
    for (String n : done) {
      out.add(byName.get(n));
    }
    return out;
  }

  private static void visit(String name, Map<String, TableSnapshot> byName, Set<String> done, Set<String> visiting) {
    if (done.contains(name) || !visiting.add(name)) {
      return; // done, or a cycle: its foreign keys are added after both tables exist
    }
    for (ForeignKeySnapshot fk : byName.get(name).foreignKeys()) {
      if (byName.containsKey(fk.referencedTable()) && !fk.referencedTable().equals(name)) {
        visit(fk.referencedTable(), byName, done, visiting);
      }
    }
    visiting.remove(name);
    done.add(name);
  }
}
