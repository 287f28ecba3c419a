package dev.sluice.migrations.snapshot;

import dev.sluice.migrations.MigrationException;
import dev.sluice.schema.Check;
import dev.sluice.schema.Column;
import dev.sluice.schema.DataType;
import dev.sluice.schema.EnumType;
import dev.sluice.schema.Index;
import dev.sluice.schema.SqlKind;
import dev.sluice.schema.GeneratedAs;
import dev.sluice.schema.Table;
import dev.sluice.schema.View;
import dev.sluice.spi.Dialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Snapshots of schema code: {@code CodeSnapshots.of(COUNTRIES, CITIES)}, or every table found by
 * {@link PackageScanner} in a package ({@code CodeSnapshots.ofPackage("com.acme.schema")}).
 *
 * <p>Names given to what code leaves unnamed follow PostgreSQL's conventions, which the dialects'
 * DDL also uses: a column's {@code unique()} is {@code <table>_<column>_key}, its
 * {@code references(...)} is {@code <table>_<column>_fkey} and its {@code check(sql)} is
 * {@code <table>_<column>_check}. A {@code serial} column is an {@code INTEGER} with identity.
 *
 * <p>A table's {@link dev.sluice.schema.SqlSchema} is recorded with it (table names stay unique across
 * schemas). Views and generated columns written as typed expressions are SQL of one database: their
 * snapshot needs the dialect ({@link #of(Dialect, Collection)}); a view records the statements the
 * dialect renders for it, their hash, the tables it reads and whether it is materialized.
 */
public final class CodeSnapshots {
  private CodeSnapshots() { }

  /** The snapshot of these tables and the enum types their columns use. */
  public static SchemaSnapshot of(Table<?>... tables) {
    return of(List.of(tables));
  }

  /**
   * The snapshot of these tables and the enum types their columns use, without a dialect: a view, or
   * a generated column given as a typed expression, is refused (use {@link #of(Dialect, Collection)}).
   */
  public static SchemaSnapshot of(Collection<? extends Table<?>> tables) {
    return of(null, tables);
  }

  /** The snapshot of these tables and views as {@code dialect} writes them. */
  public static SchemaSnapshot of(Dialect dialect, Table<?>... tables) {
    return of(Objects.requireNonNull(dialect, "dialect"), List.of(tables));
  }

  /**
   * The snapshot of these tables and views, their views' definitions and typed generated
   * expressions rendered by {@code dialect} (null: refused).
   */
  public static SchemaSnapshot of(Dialect dialect, Collection<? extends Table<?>> tables) {
    Map<String, EnumSnapshot> enums = new LinkedHashMap<>();
    Map<String, TableSnapshot> out = new LinkedHashMap<>();
    Map<String, ViewSnapshot> views = new LinkedHashMap<>();
    for (Table<?> t : tables) {
      if (t.alias() != null || t.source() != null) {
        throw new MigrationException("Table " + t + " is an alias or a derived table, not a stored table");
      }
      if (t instanceof View<?> v) {
        ViewSnapshot s = view(v, dialect);
        if (views.put(s.name(), s) != null) {
          throw new MigrationException("Two views are named " + s.name());
        }
        continue;
      }
      TableSnapshot s = table(t, enums, dialect);
      TableSnapshot before = out.put(s.name(), s);
      if (before != null) {
        throw new MigrationException("Two tables are named " + s.name()
            + (Objects.equals(before.schema(), s.schema()) ? ""
                : " (in schemas " + before.schema() + " and " + s.schema() + "): migrations need table names unique"
                    + " across schemas"));
      }
    }
    for (ViewSnapshot v : views.values()) {
      if (out.containsKey(v.name())) {
        throw new MigrationException("A table and a view are both named " + v.name());
      }
    }
    return SchemaSnapshot.of(List.copyOf(enums.values()), List.copyOf(out.values()), List.copyOf(views.values()));
  }

  private static ViewSnapshot view(View<?> v, Dialect dialect) {
    if (dialect == null) {
      throw new MigrationException("View " + v.name() + " is SQL of one database: snapshot it with "
          + "CodeSnapshots.of(dialect, tables)");
    }
    if (v.schema() != null) {
      throw new MigrationException("View " + v.name() + " is declared in schema " + v.schema()
          + ", but Sluice creates views in the default schema: declare it without one");
    }
    List<String> reads = v.reads().stream().map(Table::name).toList();
    List<String> columns = v.columns().stream().map(Column::name).toList();
    return ViewSnapshot.ofCode(v.name(), null, columns, v.materialized(), reads, dialect.createTable(v));
  }

  /** Every table of {@code packageName} (and its sub-packages), as {@link PackageScanner} finds them. */
  public static SchemaSnapshot ofPackage(String packageName) {
    return of(PackageScanner.tables(packageName, Thread.currentThread().getContextClassLoader()));
  }

  /** Every table and view of {@code packageName} (and its sub-packages), as {@code dialect} writes them. */
  public static SchemaSnapshot ofPackage(Dialect dialect, String packageName) {
    return of(Objects.requireNonNull(dialect, "dialect"),
        PackageScanner.tables(packageName, Thread.currentThread().getContextClassLoader()));
  }

  private static TableSnapshot table(Table<?> t, Map<String, EnumSnapshot> enums, Dialect dialect) {
    List<ColumnSnapshot> columns = new ArrayList<>();
    List<ForeignKeySnapshot> fks = new ArrayList<>();
    List<UniqueSnapshot> uniques = new ArrayList<>();
    List<CheckSnapshot> checks = new ArrayList<>();
    for (Column<?> c : t.columns()) {
      columns.add(column(c).withGenerated(generated(c, dialect)));
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
    return new TableSnapshot(t.name(), columns, pk, fks, uniques, indexes, checks, t.schema());
  }

  private static GeneratedSnapshot generated(Column<?> c, Dialect dialect) {
    GeneratedAs g = c.generatedAs();
    if (g == null) {
      return null;
    }
    if (g.sql() != null) {
      return new GeneratedSnapshot(g.sql(), g.stored());
    }
    if (dialect == null) {
      throw new MigrationException("Column " + c + " is generated by a typed expression, which is SQL of one "
          + "database: snapshot it with CodeSnapshots.of(dialect, tables)");
    }
    return new GeneratedSnapshot(GeneratedExpressions.of(dialect, c), g.stored());
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
