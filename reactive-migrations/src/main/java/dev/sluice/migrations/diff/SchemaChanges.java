package dev.sluice.migrations.diff;

import dev.sluice.migrations.MigrationException;
import dev.sluice.migrations.diff.Change.*;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Applies a {@link Change} to a snapshot in memory: the schema the database has after the change.
 * Renderers use it to know a table's whole shape at any point of a plan (SQLite's table rebuild),
 * and tests use it to prove that a plan leads from its {@code from} to its {@code to}.
 */
public final class SchemaChanges {
  private SchemaChanges() { }

  /** {@code schema} after all of {@code plan}'s changes. */
  public static SchemaSnapshot applyAll(SchemaSnapshot schema, List<Change> changes) {
    SchemaSnapshot s = schema;
    for (Change c : changes) {
      s = apply(s, c);
    }
    return s;
  }

  /** {@code schema} after {@code change}. */
  public static SchemaSnapshot apply(SchemaSnapshot s, Change change) {
    return change.accept(new ChangeVisitor<SchemaSnapshot>() {
      @Override public SchemaSnapshot visit(CreateEnum c) { return withEnums(s, add(s.enums(), c.type())); }
      @Override public SchemaSnapshot visit(DropEnum c) { return withEnums(s, remove(s.enums(), e -> e.name().equals(c.type().name()))); }
      @Override public SchemaSnapshot visit(AddEnumValue c) { return withEnums(s, replace(s.enums(), e -> e.name().equals(c.after().name()), e -> c.after())); }
      @Override public SchemaSnapshot visit(DropEnumValue c) { return withEnums(s, replace(s.enums(), e -> e.name().equals(c.before().name()),
          e -> new EnumSnapshot(e.name(), e.values().stream().filter(v -> !v.equals(c.value())).toList()))); }
      @Override public SchemaSnapshot visit(RenameEnumValue c) { return withEnums(s, replace(s.enums(), e -> e.name().equals(c.after().name()), e -> c.after())); }
      @Override public SchemaSnapshot visit(CreateTable c) { return withTables(s, add(s.tables(), c.table())); }
      @Override public SchemaSnapshot visit(DropTable c) { return withTables(s, remove(s.tables(), t -> t.name().equals(c.table().name()))); }
      @Override public SchemaSnapshot visit(RenameTable c) { return table(s, c.from(), t -> t.withName(c.to())); }
      @Override public SchemaSnapshot visit(AddColumn c) { return table(s, c.table(), t -> t.withColumns(add(t.columns(), c.column()))); }
      @Override public SchemaSnapshot visit(DropColumn c) { return table(s, c.table(), t -> t.withColumns(remove(t.columns(), k -> k.name().equals(c.column().name())))); }
      @Override public SchemaSnapshot visit(RenameColumn c) { return table(s, c.table(), t -> renameColumn(t, c.from(), c.to())); }
      @Override public SchemaSnapshot visit(AlterColumnType c) { return column(s, c.table(), c.column(), k -> k.withType(c.to())); }
      @Override public SchemaSnapshot visit(AlterNullability c) { return column(s, c.table(), c.column(), k -> k.withNullable(c.nullable())); }
      @Override public SchemaSnapshot visit(AlterDefault c) { return column(s, c.table(), c.column(), k -> k.withDefault(c.to())); }
      @Override public SchemaSnapshot visit(AlterPrimaryKey c) { return table(s, c.table(), t -> new TableSnapshot(t.name(), t.columns(), c.to(),
          t.foreignKeys(), t.uniques(), t.indexes(), t.checks(), t.schema())); }
      @Override public SchemaSnapshot visit(AddIndex c) { return table(s, c.table(), t -> t.withIndexes(add(t.indexes(), c.index()))); }
      @Override public SchemaSnapshot visit(DropIndex c) { return table(s, c.table(), t -> t.withIndexes(remove(t.indexes(), i -> i.name().equals(c.index().name())))); }
      @Override public SchemaSnapshot visit(AddForeignKey c) { return table(s, c.table(), t -> t.withForeignKeys(add(t.foreignKeys(), c.foreignKey()))); }
      @Override public SchemaSnapshot visit(DropForeignKey c) { return table(s, c.table(), t -> t.withForeignKeys(remove(t.foreignKeys(),
          f -> f.name().equals(c.foreignKey().name())))); }
      @Override public SchemaSnapshot visit(AddUnique c) { return table(s, c.table(), t -> t.withUniques(add(t.uniques(), c.unique()))); }
      @Override public SchemaSnapshot visit(DropUnique c) { return table(s, c.table(), t -> t.withUniques(remove(t.uniques(), u -> u.name().equals(c.unique().name())))); }
      @Override public SchemaSnapshot visit(AddCheck c) { return table(s, c.table(), t -> t.withChecks(add(t.checks(), c.check()))); }
      @Override public SchemaSnapshot visit(CreateSchema c) { return s; }
      @Override public SchemaSnapshot visit(DropSchema c) { return s; }
      @Override public SchemaSnapshot visit(CreateView c) { return s.withViews(add(s.views(), c.view())); }
      @Override public SchemaSnapshot visit(DropView c) { return s.withViews(remove(s.views(), v -> v.name().equals(c.view().name()))); }
      @Override public SchemaSnapshot visit(ReplaceView c) { return s.withViews(replace(s.views(), v -> v.name().equals(c.to().name()), v -> c.to())); }
      @Override public SchemaSnapshot visit(DropCheck c) { return table(s, c.table(), t -> t.withChecks(remove(t.checks(), k -> k.name().equals(c.check().name())))); }
    });
  }

  private static TableSnapshot renameColumn(TableSnapshot t, String from, String to) {
    UnaryOperator<List<String>> m = cols -> cols.stream().map(c -> c.equals(from) ? to : c).toList();
    return new TableSnapshot(t.name(),
        t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList(),
        m.apply(t.primaryKey()),
        t.foreignKeys().stream().map(f -> new dev.sluice.migrations.snapshot.ForeignKeySnapshot(f.name(),
            m.apply(f.columns()), f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate())).toList(),
        t.uniques().stream().map(u -> new dev.sluice.migrations.snapshot.UniqueSnapshot(u.name(), m.apply(u.columns()))).toList(),
        t.indexes().stream().map(i -> new dev.sluice.migrations.snapshot.IndexSnapshot(i.name(), m.apply(i.columns()),
            i.unique(), i.where())).toList(),
        t.checks(), t.schema());
  }

  private static SchemaSnapshot column(SchemaSnapshot s, String table, String column, UnaryOperator<ColumnSnapshot> f) {
    return table(s, table, t -> {
      if (t.column(column).isEmpty()) {
        throw new MigrationException("Table " + table + " has no column " + column);
      }
      return t.withColumns(t.columns().stream().map(c -> c.name().equals(column) ? f.apply(c) : c).toList());
    });
  }

  private static SchemaSnapshot table(SchemaSnapshot s, String name, UnaryOperator<TableSnapshot> f) {
    if (s.table(name).isEmpty()) {
      throw new MigrationException("The schema has no table " + name);
    }
    return withTables(s, replace(s.tables(), t -> t.name().equals(name), f));
  }

  private static SchemaSnapshot withTables(SchemaSnapshot s, List<TableSnapshot> tables) {
    return s.withTables(tables);
  }

  private static SchemaSnapshot withEnums(SchemaSnapshot s, List<EnumSnapshot> enums) {
    return s.withEnums(enums);
  }

  private static <T> List<T> add(List<T> items, T item) {
    List<T> out = new ArrayList<>(items);
    out.add(item);
    return out;
  }

  private static <T> List<T> remove(List<T> items, Predicate<T> which) {
    List<T> out = new ArrayList<>(items);
    out.removeIf(which);
    return out;
  }

  private static <T> List<T> replace(List<T> items, Predicate<T> which, UnaryOperator<T> f) {
    return items.stream().map(i -> which.test(i) ? f.apply(i) : i).toList();
  }
}
