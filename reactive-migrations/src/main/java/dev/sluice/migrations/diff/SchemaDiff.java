package dev.sluice.migrations.diff;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.diff.Change.*;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two snapshots and returns the {@link MigrationPlan} between them.
 *
 * <pre>{@code
 * MigrationPlan plan = SchemaDiff.between(lastSnapshot, CodeSnapshots.of(USERS, AUTH_OTP),
 *     RenameResolver.flags(List.of("users.full_name:name")));
 * }</pre>
 *
 * <p>The plan runs in this order, so that every statement finds what it needs: enum types created
 * and extended; foreign keys, then unique constraints, checks and indexes that go away or change
 * dropped; tables and columns renamed; tables dropped (referencing tables first); tables created
 * (referenced tables first); columns added, altered and dropped; primary keys replaced; unique
 * constraints, checks, indexes and finally foreign keys added; enum values and enum types dropped.
 * A table or column only one side has is a {@link RenameQuestion} when the other side lost one.
 *
 * <p>Database schemas a new table is declared in are created first, and those no table or view is
 * declared in any more are dropped last. Views are dropped first and created last, by {@link ViewPlan}:
 * a view whose definition changed is replaced, and a view reading a table (or view) that this plan
 * changes is dropped before and created again after the change. A generated column whose expression
 * or kind changed is dropped and added again (its values are computed, so nothing is lost). A table
 * moved to another schema is dropped and created again.
 */
public final class SchemaDiff {
  private final RenameResolver resolver;
  private final List<RenameQuestion> open = new ArrayList<>();

  // phases, in run order
  private final List<Change> enumsUp = new ArrayList<>();
  private final List<Change> dropFks = new ArrayList<>();
  private final List<Change> dropOthers = new ArrayList<>();
  private final List<Change> renames = new ArrayList<>();
  private final List<TableSnapshot> dropTables = new ArrayList<>();
  private final List<TableSnapshot> createTables = new ArrayList<>();
  private final List<Change> columns = new ArrayList<>();
  private final List<Change> addOthers = new ArrayList<>();
  private final List<Change> addFks = new ArrayList<>();
  private final List<Change> enumsDown = new ArrayList<>();

  private SchemaDiff(RenameResolver resolver) {
    this.resolver = resolver;
  }

  /** The plan from {@code from} to {@code to}; unanswered rename questions raise {@link RenameQuestionsException}. */
  public static MigrationPlan between(SchemaSnapshot from, SchemaSnapshot to, RenameResolver resolver) {
    SchemaDiff d = new SchemaDiff(Objects.requireNonNull(resolver, "resolver"));
    d.diffEnums(from, to);
    d.diffTables(from, to);
    if (!d.open.isEmpty()) {
      throw new RenameQuestionsException(d.open);
    }
    List<Change> plan = new ArrayList<>();
    for (String schema : to.schemas()) {
      if (!from.schemas().contains(schema)) {
        plan.add(new CreateSchema(schema));
      }
    }
    plan.addAll(d.enumsUp);
    int viewDropsAt = plan.size();
    plan.addAll(d.dropFks);
    plan.addAll(d.dropOthers);
    plan.addAll(d.renames);
    List<TableSnapshot> drops = TableOrder.referencedFirst(d.dropTables);
    for (int i = drops.size() - 1; i >= 0; i--) {
      plan.add(new DropTable(drops.get(i)));
    }
    for (TableSnapshot t : TableOrder.referencedFirst(d.createTables)) {
      plan.add(new CreateTable(t));
    }
    plan.addAll(d.columns);
    plan.addAll(d.addOthers);
    plan.addAll(d.addFks);
    plan.addAll(d.enumsDown);
    ViewPlan views = ViewPlan.between(from, to, plan.subList(viewDropsAt, plan.size()));
    plan.addAll(viewDropsAt, views.drops());
    plan.addAll(views.creates());
    for (String schema : from.schemas()) {
      if (!to.schemas().contains(schema)) {
        plan.add(new DropSchema(schema));
      }
    }
    return new MigrationPlan(from, to, plan);
  }

  private void diffEnums(SchemaSnapshot from, SchemaSnapshot to) {
    for (EnumSnapshot e : to.enums()) {
      EnumSnapshot old = from.enumType(e.name()).orElse(null);
      if (old == null) {
        enumsUp.add(new CreateEnum(e));
        continue;
      }
      old = renameLabels(old, e);
      List<String> kept = new ArrayList<>(old.values());
      for (String v : old.values()) {
        if (!e.values().contains(v)) {
          kept.remove(v);
          enumsDown.add(0, new DropEnumValue(new EnumSnapshot(e.name(), withAll(kept, v, old.values())), v));
        }
      }
      List<String> grown = new ArrayList<>(kept);
      for (String v : e.values()) {
        if (!old.values().contains(v)) {
          grown.add(v);
          enumsUp.add(new AddEnumValue(new EnumSnapshot(e.name(), grown), v));
        }
      }
    }
    for (EnumSnapshot e : from.enums()) {
      if (to.enumType(e.name()).isEmpty()) {
        enumsDown.add(new DropEnum(e));
      }
    }
  }

  /**
   * Asks, for each label only {@code now} has while {@code old} lost some, whether it is one of
   * those renamed; each rename becomes a {@link RenameEnumValue} and the enum as it is after it.
   */
  private EnumSnapshot renameLabels(EnumSnapshot old, EnumSnapshot now) {
    List<String> gone = old.values().stream().filter(v -> !now.values().contains(v)).collect(java.util.stream.Collectors.toList());
    EnumSnapshot current = old;
    for (String v : now.values()) {
      if (old.values().contains(v) || gone.isEmpty()) {
        continue;
      }
      String from = ask(RenameQuestion.enumValue(now.name(), v, List.copyOf(gone)));
      if (from != null) {
        gone.remove(from);
        current = new EnumSnapshot(current.name(), current.values().stream().map(x -> x.equals(from) ? v : x).toList());
        enumsUp.add(new RenameEnumValue(current, from, v));
      }
    }
    return current;
  }

  /** {@code kept} plus {@code value} back at its place in {@code original}. */
  private static List<String> withAll(List<String> kept, String value, List<String> original) {
    List<String> out = new ArrayList<>();
    for (String v : original) {
      if (kept.contains(v) || v.equals(value)) {
        out.add(v);
      }
    }
    return out;
  }

  private void diffTables(SchemaSnapshot from, SchemaSnapshot to) {
    Map<String, TableSnapshot> oldTables = byName(from.tables(), TableSnapshot::name);
    Map<String, TableSnapshot> newTables = byName(to.tables(), TableSnapshot::name);
    Set<String> gone = new LinkedHashSet<>(oldTables.keySet());
    gone.removeAll(newTables.keySet());
    Map<String, String> renamedFrom = new LinkedHashMap<>();
    for (String name : newTables.keySet()) {
      if (oldTables.containsKey(name) || gone.isEmpty()) {
        continue;
      }
      String old = ask(new RenameQuestion(null, name, List.copyOf(gone)));
      if (old != null) {
        gone.remove(old);
        renamedFrom.put(name, old);
        renames.add(new RenameTable(old, name));
      }
    }
    for (TableSnapshot t : to.tables()) {
      TableSnapshot old = oldTables.get(renamedFrom.getOrDefault(t.name(), t.name()));
      if (old != null && !Objects.equals(old.schema(), t.schema())) {
        dropTables.add(old); // moved to another schema: dropped there, created here
        createTables.add(t);
      } else if (old == null) {
        createTables.add(t);
      } else {
        diffTable(old, t);
      }
    }
    for (String name : gone) {
      dropTables.add(oldTables.get(name));
    }
  }

  private void diffTable(TableSnapshot old, TableSnapshot now) {
    String table = now.name();
    Map<String, ColumnSnapshot> oldCols = byName(old.columns(), ColumnSnapshot::name);
    Map<String, ColumnSnapshot> newCols = byName(now.columns(), ColumnSnapshot::name);
    Set<String> gone = new LinkedHashSet<>(oldCols.keySet());
    gone.removeAll(newCols.keySet());
    Map<String, String> renamed = new LinkedHashMap<>(); // old -> new
    for (String name : newCols.keySet()) {
      if (oldCols.containsKey(name) || gone.isEmpty()) {
        continue;
      }
      String from = ask(new RenameQuestion(table, name, List.copyOf(gone)));
      if (from != null) {
        gone.remove(from);
        renamed.put(from, name);
        renames.add(new RenameColumn(table, from, name));
      }
    }
    Function<List<String>, List<String>> map = cols -> cols.stream().map(c -> renamed.getOrDefault(c, c)).toList();
    Map<String, String> newToOld = new LinkedHashMap<>();
    renamed.forEach((o, n) -> newToOld.put(n, o));
    for (ColumnSnapshot c : now.columns()) {
      ColumnSnapshot was = oldCols.get(newToOld.getOrDefault(c.name(), c.name()));
      if (was == null) {
        columns.add(new AddColumn(table, c));
        continue;
      }
      if (!Objects.equals(was.generated(), c.generated())) {
        // a generated column's expression or kind changes (or it becomes generated or stored):
        // no database alters that in place, so it is dropped and added again
        columns.add(new DropColumn(table, was.withName(c.name())));
        columns.add(new AddColumn(table, c));
        continue;
      }
      if (was.identity() != c.identity()) {
        throw new MigrationException("Column " + table + "." + c.name() + " changes identity ("
            + was.identity() + " -> " + c.identity() + "): not supported by generated migrations yet;"
            + " write this step by hand");
      }
      if (!was.type().equals(c.type())) {
        columns.add(new AlterColumnType(table, c.name(), was.type(), c.type()));
      }
      if (!Objects.equals(was.defaultValue(), c.defaultValue())) {
        columns.add(new AlterDefault(table, c.name(), was.defaultValue(), c.defaultValue()));
      }
      if (was.nullable() != c.nullable() && !now.primaryKey().contains(c.name())) {
        columns.add(new AlterNullability(table, c.name(), c.nullable()));
      }
    }
    for (String g : gone) {
      columns.add(new DropColumn(table, oldCols.get(g)));
    }
    List<String> oldPk = map.apply(old.primaryKey());
    if (!oldPk.equals(now.primaryKey())) {
      columns.add(new AlterPrimaryKey(table, oldPk, now.primaryKey()));
    }

    String oldTable = old.name(); // drops run before the renames, so they name the old table
    diffNamed(old.foreignKeys(), f -> new ForeignKeySnapshot(f.name(), map.apply(f.columns()),
            f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate()),
        now.foreignKeys(), ForeignKeySnapshot::name,
        f -> dropFks.add(new DropForeignKey(oldTable, f)), f -> addFks.add(new AddForeignKey(table, f)));
    diffNamed(old.uniques(), u -> new UniqueSnapshot(u.name(), map.apply(u.columns())),
        now.uniques(), UniqueSnapshot::name,
        u -> dropOthers.add(new DropUnique(oldTable, u)), u -> addOthers.add(new AddUnique(table, u)));
    diffNamed(old.checks(), c -> c, now.checks(), CheckSnapshot::name,
        c -> dropOthers.add(new DropCheck(oldTable, c)), c -> addOthers.add(new AddCheck(table, c)));
    diffNamed(old.indexes(), i -> new IndexSnapshot(i.name(), map.apply(i.columns()), i.unique(), i.where()),
        now.indexes(), IndexSnapshot::name,
        i -> dropOthers.add(new DropIndex(oldTable, i)), i -> addOthers.add(new AddIndex(table, i)));
  }

  /**
   * Drops what the old side has and the new side lacks or has differently, and adds the reverse.
   * {@code renamed} maps an old item to its column names after the renames, for the comparison;
   * a drop carries the old item as it was, since drops run before the renames.
   */
  private static <T> void diffNamed(List<T> old, java.util.function.UnaryOperator<T> renamed, List<T> now,
      Function<T, String> name, java.util.function.Consumer<T> drop, java.util.function.Consumer<T> add) {
    Map<String, T> oldByName = new LinkedHashMap<>();
    for (T o : old) {
      oldByName.put(name.apply(o), renamed.apply(o));
    }
    Map<String, T> newByName = byName(now, name);
    for (T o : old) {
      T n = newByName.get(name.apply(o));
      if (n == null || !n.equals(renamed.apply(o))) {
        drop.accept(o);
      }
    }
    for (T n : now) {
      T o = oldByName.get(name.apply(n));
      if (o == null || !n.equals(o)) {
        add.accept(n);
      }
    }
  }

  /** The old name, or null for new; an open question is recorded and treated as new for now. */
  private String ask(RenameQuestion q) {
    RenameResolver.Answer a = resolver.resolve(q);
    if (a == RenameResolver.Answer.OPEN || (a.from() == null && !a.isNew())) {
      open.add(q);
      return null;
    }
    if (a.isNew()) {
      return null;
    }
    if (!q.candidates().contains(a.from())) {
      throw new MigrationException("Answer to \"" + q + "\" names " + a.from() + ", not a candidate");
    }
    return a.from();
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> m = new LinkedHashMap<>();
    for (T t : items) {
      m.put(name.apply(t), t);
    }
    return m;
  }
}
