package dev.sluice.migrations.snapshot;

import dev.sluice.migrations.MigrationException;
import dev.sluice.schema.Check;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Index;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots of schema code: {@code CodeSnapshots.of(COUNTRIES, CITIES)}, or every table found by
 * {@link PackageScanner} in a package ({@code CodeSnapshots.ofPackage("com.acme.schema")}).
 *
 * <p>Names given to what code leaves unnamed follow PostgreSQL's conventions, which the dialects'
 * DDL also uses: a column's {@code unique()} is {@code <table>_<column>_key}, its
 * {@code references(...)} is {@code <table>_<column>_fkey} and its {@code check(sql)} is
 * {@code <table>_<column>_check}. A {@code serial} column is an {@code INTEGER} with identity.
 */
public final class CodeSnapshots {
  private CodeSnapshots() { }

  /** The snapshot of these tables and the enum types their columns use. */
  public static SchemaSnapshot of(Table<?>... tables) {
    return of(List.of(tables));
  }

  /** The snapshot of these tables and the enum types their columns use; views are left out. */
  public static SchemaSnapshot of(Collection<? extends Table<?>> tables) {
    Map<String, EnumSnapshot> enums = new LinkedHashMap<>();
    Map<String, TableSnapshot> out = new LinkedHashMap<>();
    for (Table<?> t : tables) {
      if (t instanceof dev.sluice.schema.View<?>) {
        continue; // views are not in snapshots yet: createTables makes them (see the README's Views)
      }
      if (t.alias() != null || t.source() != null) {
        throw new MigrationException("Table " + t + " is an alias or a derived table, not a stored table");
      }
      TableSnapshot s = table(t, enums);
      if (out.put(s.name(), s) != null) {
        throw new MigrationException("Two tables are named " + s.name());
      }
    }
    return SchemaSnapshot.of(List.copyOf(enums.values()), List.copyOf(out.values()));
  }

  /** Every table of {@code packageName} (and its sub-packages), as {@link PackageScanner} finds them. */
  public static SchemaSnapshot ofPackage(String packageName) {
    return of(PackageScanner.tables(packageName, Thread.currentThread().getContextClassLoader()));
  }

  private static TableSnapshot table(Table<?> t, Map<String, EnumSnapshot> enums) {
    if (t.schema() != null) {
      throw new MigrationException("Table " + t.name() + " is declared in schema " + t.schema()
          + ": migrations do not know database schemas yet (create such tables with createTables)");
    }
    for (Column<?> c : t.columns()) {
      if (c.isGeneratedAlways()) {
        throw new MigrationException("Column " + c + " is generated (GENERATED ALWAYS AS ("
            + c.generatedAs().describe() + ")): migrations do not know generated columns yet "
            + "(create such tables with createTables)");
      }
    }
    List<ColumnSnapshot> columns = new ArrayList<>();
    List<ForeignKeySnapshot> fks = new ArrayList<>();
    List<UniqueSnapshot> uniques = new ArrayList<>();
    List<CheckSnapshot> checks = new ArrayList<>();
    for (Column<?> c : t.columns()) {
      columns.add(column(c));
      EnumType<?> e = c.dataType().enumType();
      if (e != null) {
        EnumSnapshot es = new EnumSnapshot(e.name(), e.labels());
        EnumSnapshot before = enums.putIfAbsent(e.name(), es);
        if (before != null && !before.equals(es)) {
          throw new MigrationException("Enum type " + e.name() + " is declared twice with different labels: "
              + before.values() + " and " + es.values());
        }
      }
      if (c.isUnique() && !c.isPrimaryKey()) {
        uniques.add(new UniqueSnapshot(t.name() + "_" + c.name() + "_key", List.of(c.name())));
      }
      Column<?> target = c.referencedColumn();
      if (target != null) {
        fks.add(new ForeignKeySnapshot(t.name() + "_" + c.name() + "_fkey", List.of(c.name()),
            target.table().name(), List.of(target.name()), c.onDelete(), c.onUpdate()));
      }
      if (c.checkSql() != null) {
        checks.add(new CheckSnapshot(t.name() + "_" + c.name() + "_check", c.checkSql()));
      }
    }
    for (Check ch : t.meta().checks()) {
      checks.add(new CheckSnapshot(ch.name(), ch.sql()));
    }
    List<IndexSnapshot> indexes = new ArrayList<>();
    for (Index i : t.meta().indexes()) {
      indexes.add(new IndexSnapshot(i.name(), i.columns().stream().map(Column::name).toList(), i.unique(), i.where()));
    }
    List<String> pk = t.meta().primaryKey().stream().map(Column::name).toList();
    return new TableSnapshot(t.name(), columns, pk, fks, uniques, indexes, checks);
  }

  /** The snapshot of one column. */
  public static ColumnSnapshot column(Column<?> c) {
    DataType<?> d = c.dataType();
    SqlKind kind = switch (d.kind()) {
      case SERIAL -> SqlKind.INTEGER;
      case BIGSERIAL -> SqlKind.BIGINT;
      default -> d.kind();
    };
    String typeName = d.kind() == SqlKind.ENUM || d.kind() == SqlKind.CUSTOM ? d.sqlName() : null;
    ColumnType type = new ColumnType(kind, d.length(), d.precision(), d.scale(), typeName);
    return new ColumnSnapshot(c.name(), type, !c.isNotNull(), defaultOf(c), d.kind().isGenerated());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ColumnDefault defaultOf(Column<?> c) {
    if (c.defaultSql() != null) {
      return ColumnDefault.sql(c.defaultSql());
    }
    if (c.defaultValue() == null) {
      return null;
    }
    Object v = ((DataType) c.dataType()).toDriver(c.defaultValue());
    if (v instanceof Boolean b) {
      return ColumnDefault.bool(b);
    }
    if (v instanceof java.math.BigDecimal n) {
      return ColumnDefault.number(n.toPlainString());
    }
    if (v instanceof Number n) {
      return ColumnDefault.number(n.toString());
    }
    return ColumnDefault.string(v.toString());
  }
}
