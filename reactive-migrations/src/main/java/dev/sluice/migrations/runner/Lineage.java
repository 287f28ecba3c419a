package dev.sluice.migrations.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Branch conflicts in the parent links ({@code meta.json}) of a directory's migrations: two
 * migrations generated from one parent, and a migration that does not follow its parent in name
 * order. Directories made by hand (no {@code meta.json}) have no link and are not judged.
 */
final class Lineage {
  private static final String ROOT = "(the empty schema)";

  private Lineage() { }

  /** Parents with more than one child, one line each naming them. */
  static List<String> sharedParents(List<MigrationFiles> files) {
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (MigrationFiles f : files) {
      if (f.meta() != null) {
        String parent = f.meta().parent() == null ? ROOT : f.meta().parent();
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(f.name());
      }
    }
    List<String> out = new ArrayList<>();
    children.forEach((parent, kids) -> {
      if (kids.size() > 1) {
        out.add(String.join(" and ", kids) + " were all generated from " + parent + " (two branches)");
      }
    });
    return out;
  }

  /** Migrations whose parent is not the migration just before them in name order. */
  static List<String> misplaced(List<MigrationFiles> files) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      MigrationFiles f = files.get(i);
      if (f.meta() == null) {
        continue;
      }
      String before = i == 0 ? null : files.get(i - 1).name();
      String parent = f.meta().parent();
      if (parent == null ? before != null : !parent.equals(before)) {
        out.add(f.name() + " was generated after " + (parent == null ? ROOT : parent) + " but follows "
            + (before == null ? "nothing" : before) + " in name order");
      }
    }
    return out;
  }
}
