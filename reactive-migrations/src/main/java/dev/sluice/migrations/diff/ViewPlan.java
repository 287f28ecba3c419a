package dev.sluice.migrations.diff;

import dev.sluice.migrations.diff.Change.*;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.ViewSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The view changes of a plan: which views are dropped before the table changes and which are created
 * (or replaced) after them.
 *
 * <ul>
 *   <li>a view only the old snapshot has is dropped; one only the new snapshot has is created;</li>
 *   <li>a view that reads a table the plan changes (any change naming it, and the tables whose
 *       columns use an enum type that loses or renames a value) is dropped first and created again
 *       last, since a database refuses (PostgreSQL) or breaks (MySQL, SQLite) a view whose table
 *       changes under it; so is a view reading a view that is dropped;</li>
 *   <li>a view whose definition hash changed is replaced in place when it keeps its columns and is
 *       not materialized, else dropped and created (PostgreSQL's {@code CREATE OR REPLACE VIEW}
 *       cannot drop or rename a column, and a materialized view has no {@code OR REPLACE}).</li>
 * </ul>
 *
 * <p>Drops run views that read others first; creates run views that are read first. Two views are
 * compared by their definition hash only when both have one: a view read from a live database has
 * none (see {@link ViewSnapshot}).
 *
 * @param drops   the views dropped before the table changes, in run order
 * @param creates the views created or replaced after them, in run order
 */
public record ViewPlan(List<Change> drops, List<Change> creates) {
  public ViewPlan {
    drops = List.copyOf(drops);
    creates = List.copyOf(creates);
  }

  /** The view changes from {@code from} to {@code to}, around {@code tableChanges}. */
  public static ViewPlan between(SchemaSnapshot from, SchemaSnapshot to, List<Change> tableChanges) {
    Set<String> touched = touchedTables(from, tableChanges);
    Map<String, ViewSnapshot> oldViews = new LinkedHashMap<>();
    from.views().forEach(v -> oldViews.put(v.name(), v));
    Map<String, ViewSnapshot> newViews = new LinkedHashMap<>();
    to.views().forEach(v -> newViews.put(v.name(), v));

    Set<String> dropped = new LinkedHashSet<>(); // old views dropped first
    Set<String> replaced = new LinkedHashSet<>(); // views replaced in place
    for (ViewSnapshot old : from.views()) {
      ViewSnapshot now = newViews.get(old.name());
      if (now == null || old.materialized() != now.materialized() || !old.columns().equals(now.columns())
          || old.reads().stream().anyMatch(touched::contains)) {
        dropped.add(old.name());
      } else if (definitionChanged(old, now)) {
        if (old.materialized()) {
          dropped.add(old.name());
        } else {
          replaced.add(old.name());
        }
      }
    }
    // a view reading a dropped view goes with it (and comes back after it)
    for (boolean grew = true; grew; ) {
      grew = false;
      for (ViewSnapshot old : from.views()) {
        if (!dropped.contains(old.name()) && old.reads().stream().anyMatch(dropped::contains)) {
          dropped.add(old.name());
          replaced.remove(old.name());
          grew = true;
        }
      }
    }
    List<Change> drops = new ArrayList<>();
    List<ViewSnapshot> oldOrder = readFirst(from.views());
    Collections.reverse(oldOrder);
    for (ViewSnapshot v : oldOrder) {
      if (dropped.contains(v.name())) {
        drops.add(new DropView(v));
      }
    }
    List<Change> creates = new ArrayList<>();
    for (ViewSnapshot v : readFirst(to.views())) {
      ViewSnapshot old = oldViews.get(v.name());
      if (old == null || dropped.contains(v.name())) {
        creates.add(new CreateView(v));
      } else if (replaced.contains(v.name())) {
        creates.add(new ReplaceView(old, v));
      }
    }
    return new ViewPlan(drops, creates);
  }

  private static boolean definitionChanged(ViewSnapshot old, ViewSnapshot now) {
    return old.definitionHash() != null && now.definitionHash() != null
        && !old.definitionHash().equals(now.definitionHash());
  }

  /** Every table name (old and new) a change of the plan names, and the users of a changed enum. */
  static Set<String> touchedTables(SchemaSnapshot from, List<Change> changes) {
    Set<String> out = new LinkedHashSet<>();
    for (Change c : changes) {
      if (c instanceof CreateTable t) {
        out.add(t.table().name());
      } else if (c instanceof DropTable t) {
        out.add(t.table().name());
      } else if (c instanceof RenameTable r) {
        out.add(r.from());
        out.add(r.to());
      } else if (c instanceof DropEnumValue e) {
        out.addAll(usersOf(from, e.before().name()));
      } else if (c instanceof RenameEnumValue e) {
        out.addAll(usersOf(from, e.after().name()));
      } else {
        String table = tableOf(c);
        if (table != null) {
          out.add(table);
        }
      }
    }
    return out;
  }

  private static String tableOf(Change c) {
    if (c instanceof AddColumn x) { return x.table(); }
    if (c instanceof DropColumn x) { return x.table(); }
    if (c instanceof RenameColumn x) { return x.table(); }
    if (c instanceof AlterColumnType x) { return x.table(); }
    if (c instanceof AlterNullability x) { return x.table(); }
    if (c instanceof AlterDefault x) { return x.table(); }
    if (c instanceof AlterPrimaryKey x) { return x.table(); }
    if (c instanceof AddIndex x) { return x.table(); }
    if (c instanceof DropIndex x) { return x.table(); }
    if (c instanceof AddForeignKey x) { return x.table(); }
    if (c instanceof DropForeignKey x) { return x.table(); }
    if (c instanceof AddUnique x) { return x.table(); }
    if (c instanceof DropUnique x) { return x.table(); }
    if (c instanceof AddCheck x) { return x.table(); }
    if (c instanceof DropCheck x) { return x.table(); }
    return null;
  }

  private static List<String> usersOf(SchemaSnapshot s, String enumName) {
    List<String> out = new ArrayList<>();
    for (TableSnapshot t : s.tables()) {
      for (ColumnSnapshot c : t.columns()) {
        if (enumName.equals(c.type().name())) {
          out.add(t.name());
        }
      }
    }
    return out;
  }

  /** {@code views} with each after the views it reads (a cycle is kept in name order). */
  static List<ViewSnapshot> readFirst(List<ViewSnapshot> views) {
    Map<String, ViewSnapshot> byName = new LinkedHashMap<>();
    views.forEach(v -> byName.put(v.name(), v));
    Set<String> done = new LinkedHashSet<>();
    for (String n : byName.keySet()) {
      visit(n, byName, done, new LinkedHashSet<>());
    }
    List<ViewSnapshot> out = new ArrayList<>();
    done.forEach(n -> out.add(byName.get(n)));
    return out;
  }

  private static void visit(String n, Map<String, ViewSnapshot> byName, Set<String> done, Set<String> visiting) {
    if (done.contains(n) || !visiting.add(n)) {
      return;
    }
    for (String r : byName.get(n).reads()) {
      if (byName.containsKey(r) && !Objects.equals(r, n)) {
        visit(r, byName, done, visiting);
      }
    }
    done.add(n);
  }
}
