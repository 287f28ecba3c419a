package dev.sluice.migrations.sql;

import dev.sluice.migrations.diff.Change.AlterColumnType;
import dev.sluice.migrations.diff.Change.AlterDefault;
import dev.sluice.migrations.diff.Change.AlterNullability;
import dev.sluice.migrations.diff.Change.AlterPrimaryKey;
import dev.sluice.migrations.snapshot.CheckSnapshot;
import dev.sluice.migrations.snapshot.ColumnDefault;
import dev.sluice.migrations.snapshot.ColumnSnapshot;
import dev.sluice.migrations.snapshot.ColumnType;
import dev.sluice.migrations.snapshot.EnumSnapshot;
import dev.sluice.migrations.snapshot.ForeignKeySnapshot;
import dev.sluice.migrations.snapshot.IndexSnapshot;
import dev.sluice.migrations.snapshot.SchemaSnapshot;
import dev.sluice.migrations.snapshot.TableSnapshot;
import dev.sluice.migrations.snapshot.UniqueSnapshot;
import dev.sluice.schema.SqlKind;
import dev.sluice.spi.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite: foreign keys live inside {@code CREATE TABLE}, and what {@code ALTER TABLE} cannot do
 * (change a type, nullability, default or key; add or drop a constraint; drop a column; change an
 * enum's check) goes through SQLite's documented table rebuild, data preserved:
 *
 * <pre>{@code
 * CREATE TABLE "__sluice_new_users" (...the table as it is after the change...);
 * INSERT INTO "__sluice_new_users" ("id", "name") SELECT "id", "name" FROM "users";
 * DROP TABLE "users";
 * PRAGMA legacy_alter_table = ON;             -- views naming "users" stay as they are
 * ALTER TABLE "__sluice_new_users" RENAME TO "users";
 * PRAGMA legacy_alter_table = OFF;
 * CREATE INDEX IF NOT EXISTS ...;              -- the table's indexes again
 * PRAGMA foreign_key_check("users");           -- any row returned fails the migration
 * }</pre>
 *
 * The rebuild needs {@code PRAGMA foreign_keys=OFF} around the migration's transaction (or the
 * {@code DROP TABLE} would cascade): the runner sets it, and the script's header says so for
 * anyone applying it by hand. Serial keys are {@code INTEGER PRIMARY KEY AUTOINCREMENT}. An enum is
 * a check: adding or removing a label rebuilds the tables that use it; renaming one rebuilds them
 * with the copy rewriting the label ({@code CASE "c" WHEN 'old' THEN 'new' ELSE "c" END}); removing a
 * label that rows hold is refused before anything runs (a guard statement at the top of the
 * script, see {@link StandardMigrationSql#guardsEnumValueRemoval()}). Triggers are not part of the
 * snapshot and {@code DROP TABLE} drops them: a rebuild of a table that has triggers is refused
 * before anything runs, naming them (drop them first, create them again after).
 */
final class SqliteMigrationSql extends StandardMigrationSql {
  static final String NEW_PREFIX = "__sluice_new_";

  SqliteMigrationSql(Dialect dialect) {
    super(dialect);
  }

  @Override protected List<String> header() {
    return List.of("SQLite: run with PRAGMA foreign_keys=OFF outside the transaction (the Sluice runner does),",
        "then PRAGMA foreign_key_check must return no row.");
  }

  @Override protected String identityType(ColumnType t, SchemaSnapshot schema) {
    return "INTEGER";
  }

  @Override protected String columnDefinition(TableSnapshot table, ColumnSnapshot c, SchemaSnapshot schema,
      boolean allowInlineKey) {
    String def = super.columnDefinition(table, c, schema, allowInlineKey);
    return c.identity() ? def.replace(" PRIMARY KEY", " PRIMARY KEY AUTOINCREMENT") : def;
  }

  /**
   * The collation and checks Sluice's SQLite dialect gives a column so that it keeps values exactly
   * ({@code COLLATE DECIMAL} and a digit check for decimals, a length check for varchar and char):
   * the same text as {@code createTables}, so a migrated table behaves as a created one.
   */
  @Override protected String columnConstraints(TableSnapshot table, ColumnSnapshot c) {
    ColumnType t = c.type();
    if (!(dialect instanceof dev.sluice.dialect.sqlite.SqliteDialect sqlite) || c.identity()) {
      return "";
    }
    return sqlite.columnConstraints(table.name(), c.name(),
        new dev.sluice.schema.DataType<>(t.kind(), Object.class, t.length(), t.precision(), t.scale(), t.name(), null));
  }

  @Override protected String defaultSql(ColumnDefault d, ColumnType type) {
    if (d.kind() == ColumnDefault.Kind.BOOLEAN) {
      return Boolean.parseBoolean(d.value()) ? "1" : "0";
    }
    if (d.kind() == ColumnDefault.Kind.SQL && !d.value().matches("(?i)current_(timestamp|date|time)|null|-?[0-9.]+|'.*'")) {
      return "(" + d.value() + ")"; // SQLite takes an expression default only in parentheses
    }
    return super.defaultSql(d, type);
  }

  @Override protected List<String> createTable(TableSnapshot t, SchemaSnapshot schema, List<MigrationScript.Step> deferred) {
    List<String> out = new ArrayList<>();
    out.add(createTableStatement(t.name(), tableBody(t, schema, true)));
    for (IndexSnapshot i : t.indexes()) {
      out.add(createIndex(t.name(), i));
    }
    return out;
  }

  @Override protected String rebuiltTable(dev.sluice.migrations.diff.Change c) {
    if (c instanceof dev.sluice.migrations.diff.Change.AddColumn a) {
      return a.column().type().kind() == SqlKind.ENUM || a.column().identity() || storedGenerated(a.column())
          ? a.table() : null;
    }
    if (c instanceof dev.sluice.migrations.diff.Change.DropColumn d) {
      return d.table();
    }
    if (c instanceof AlterColumnType t) {
      return t.table();
    }
    if (c instanceof AlterNullability n) {
      return n.table();
    }
    if (c instanceof AlterDefault d) {
      return d.table();
    }
    if (c instanceof AlterPrimaryKey p) {
      return p.table();
    }
    if (c instanceof dev.sluice.migrations.diff.Change.AddForeignKey f) {
      return f.table();
    }
    if (c instanceof dev.sluice.migrations.diff.Change.DropForeignKey f) {
      return f.table();
    }
    if (c instanceof dev.sluice.migrations.diff.Change.AddUnique u) {
      return u.table();
    }
    if (c instanceof dev.sluice.migrations.diff.Change.DropUnique u) {
      return u.table();
    }
    if (c instanceof dev.sluice.migrations.diff.Change.AddCheck k) {
      return k.table();
    }
    if (c instanceof dev.sluice.migrations.diff.Change.DropCheck k) {
      return k.table();
    }
    return null;
  }

  /** The rebuild of {@code table} into its shape in {@code after}, copying the columns both shapes have. */
  @Override protected List<String> rebuild(String table, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(table, before, after, java.util.Map.of());
  }

  /**
   * The enum guards, then one per rebuilt table: its triggers are not in the snapshot, and {@code
   * DROP TABLE} would drop them silently, so a rebuild of a table that has any is refused before
   * anything runs, naming them.
   */
  @Override protected List<MigrationScript.Step> guards(SchemaSnapshot start, List<dev.sluice.migrations.diff.Change> changes) {
    List<MigrationScript.Step> out = new ArrayList<>(super.guards(start, changes));
    java.util.Map<String, String> original = new java.util.HashMap<>(); // name now -> name at the start
    java.util.Set<String> rebuilt = new java.util.LinkedHashSet<>();
    SchemaSnapshot s = start;
    for (dev.sluice.migrations.diff.Change c : changes) {
      List<String> tables = new ArrayList<>();
      String one = rebuiltTable(c);
      if (one != null) {
        tables.add(one);
      } else if (c instanceof dev.sluice.migrations.diff.Change.AddEnumValue
          || c instanceof dev.sluice.migrations.diff.Change.DropEnumValue
          || c instanceof dev.sluice.migrations.diff.Change.RenameEnumValue) {
        String enumName = c instanceof dev.sluice.migrations.diff.Change.AddEnumValue a ? a.after().name()
            : c instanceof dev.sluice.migrations.diff.Change.DropEnumValue d ? d.before().name()
            : ((dev.sluice.migrations.diff.Change.RenameEnumValue) c).after().name();
        for (TableSnapshot t : s.tables()) {
          if (t.columns().stream().anyMatch(k -> k.type().kind() == SqlKind.ENUM && enumName.equals(k.type().name()))) {
            tables.add(t.name());
          }
        }
      } else if (c instanceof dev.sluice.migrations.diff.Change.RenameTable r) {
        original.put(r.to(), original.getOrDefault(r.from(), r.from()));
      }
      for (String t : tables) {
        String atStart = original.getOrDefault(t, t);
        if (start.table(atStart).isPresent()) {
          rebuilt.add(atStart);
        }
      }
      s = dev.sluice.migrations.diff.SchemaChanges.apply(s, c);
    }
    for (String t : rebuilt) {
      out.add(new MigrationScript.Step("refuse to rebuild " + t + " while it has triggers (the rebuild would drop them)",
          List.of("SELECT " + stringLiteral(MigrationScript.TRIGGER_GUARD) + " AS guard, " + stringLiteral(t)
              + " AS table_name, group_concat(name) AS triggers, COUNT(*) AS row_count FROM sqlite_master"
              + " WHERE type = 'trigger' AND tbl_name = " + stringLiteral(t))));
    }
    return out;
  }

  /** A label still held by rows is refused before the rebuild (whose copy would fail on the check). */
  @Override protected boolean guardsEnumValueRemoval() {
    return true;
  }

  /** A renamed label: the tables holding the enum rebuilt, the copy rewriting the label ({@code CASE}). */
  @Override protected List<String> enumValueRenamed(dev.sluice.migrations.diff.Change.RenameEnumValue c,
      SchemaSnapshot before, SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    for (TableSnapshot t : after.tables()) {
      java.util.Map<String, String> rewritten = new java.util.LinkedHashMap<>();
      for (ColumnSnapshot col : t.columns()) {
        if (col.type().kind() == SqlKind.ENUM && c.after().name().equals(col.type().name())) {
          rewritten.put(col.name(), "CASE " + q(col.name()) + " WHEN " + stringLiteral(c.from()) + " THEN "
              + stringLiteral(c.to()) + " ELSE " + q(col.name()) + " END");
        }
      }
      if (!rewritten.isEmpty()) {
        out.addAll(rebuild(t.name(), before, after, rewritten));
      }
    }
    return out;
  }

  /** The rebuild, each column in {@code rewritten} copied as its expression there. */
  private List<String> rebuild(String table, SchemaSnapshot before, SchemaSnapshot after,
      java.util.Map<String, String> rewritten) {
    TableSnapshot now = after.table(table).orElseThrow();
    TableSnapshot was = before.table(table).orElseThrow();
    List<String> copied = new ArrayList<>();
    for (ColumnSnapshot c : now.columns()) {
      if (was.column(c.name()).filter(w -> w.generated() == null).isPresent() && c.generated() == null) {
        copied.add(c.name()); // a generated column is computed again, never copied
      }
    }
    String tmp = NEW_PREFIX + table;
    List<String> out = new ArrayList<>();
    out.add(createTableStatement(tmp, tableBody(now, after, true)).replace("CREATE TABLE IF NOT EXISTS ", "CREATE TABLE "));
    StringBuilder select = new StringBuilder();
    for (String c : copied) {
      select.append(select.isEmpty() ? "" : ", ").append(rewritten.getOrDefault(c, q(c)));
    }
    out.add("INSERT INTO " + q(tmp) + " (" + names(copied) + ") SELECT " + select + " FROM " + q(table));
    out.add("DROP TABLE " + q(table));
    // legacy rename: SQLite 3.26+ would otherwise re-check every view naming the dropped table and fail
    out.add("PRAGMA legacy_alter_table = ON");
    out.add("ALTER TABLE " + q(tmp) + " RENAME TO " + q(table));
    out.add("PRAGMA legacy_alter_table = OFF");
    for (IndexSnapshot i : now.indexes()) {
      out.add(createIndex(table, i));
    }
    out.add("PRAGMA foreign_key_check(" + q(table) + ")");
    return out;
  }

  @Override protected List<String> enumChanged(EnumSnapshot e, String value, boolean added, SchemaSnapshot before,
      SchemaSnapshot after) {
    List<String> out = new ArrayList<>();
    for (TableSnapshot t : after.tables()) {
      if (t.columns().stream().anyMatch(c -> c.type().kind() == SqlKind.ENUM && e.name().equals(c.type().name()))) {
        out.addAll(rebuild(t.name(), before, after));
      }
    }
    return out;
  }

  @Override protected List<String> addColumn(TableSnapshot t, ColumnSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    if (c.type().kind() == SqlKind.ENUM || t.primaryKey().contains(c.name()) || c.identity() || storedGenerated(c)) {
      return rebuild(t.name(), before, after); // its check, key or stored value cannot be added by ALTER TABLE
    }
    return List.of(alterTable(t.name()) + "ADD COLUMN " + columnDefinition(t, c, after));
  }

  @Override protected List<String> dropColumn(String table, String column, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(table, before, after);
  }

  @Override protected List<String> alterType(AlterColumnType c, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(c.table(), before, after);
  }

  @Override protected List<String> alterNullability(AlterNullability c, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(c.table(), before, after);
  }

  @Override protected List<String> alterDefault(AlterDefault c, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(c.table(), before, after);
  }

  @Override protected List<String> alterPrimaryKey(AlterPrimaryKey c, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(c.table(), before, after);
  }

  @Override protected List<String> addForeignKey(String table, ForeignKeySnapshot f, SchemaSnapshot before,
      SchemaSnapshot after) {
    return rebuild(table, before, after);
  }

  @Override protected List<String> dropForeignKey(String table, ForeignKeySnapshot f, SchemaSnapshot before,
      SchemaSnapshot after) {
    return rebuild(table, before, after);
  }

  @Override protected List<String> addUnique(String table, UniqueSnapshot u, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(table, before, after);
  }

  @Override protected List<String> dropUnique(String table, UniqueSnapshot u, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(table, before, after);
  }

  @Override protected List<String> addCheck(String table, CheckSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(table, before, after);
  }

  @Override protected List<String> dropCheck(String table, CheckSnapshot c, SchemaSnapshot before, SchemaSnapshot after) {
    return rebuild(table, before, after);
  }

  private static boolean storedGenerated(ColumnSnapshot c) {
    return c.generated() != null && c.generated().stored();
  }

  /** SQLite has no schemas other than attached databases: refused, as its DDL refuses them. */
  @Override protected List<String> createSchema(String schema) {
    throw unsupported("Database schema " + schema);
  }
}
