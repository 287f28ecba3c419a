package dev.sluice.schema;

import dev.sluice.error.MappingException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Table} declares, read once from its public fields: columns in declaration order,
 * their Java property names, the primary key, indexes and checks.
 *
 * @param <R> the row type
 */
public final class TableMeta<R> {
  private final Table<R> table;
  private final List<Column<?>> columns;
  private final Map<Column<?>, String> properties;
  private final List<Column<?>> primaryKey;
  private final List<Index> indexes;
  private final List<Check> checks;
  private volatile RecordMapping<R> rowMapping;
  private final Map<Relation<?, ?>, String> relations;
  private final Column<?> createdAt;
  private final Column<?> updatedAt;
  private final Column<?> deletedAt;
  private final Column<?> version;
  private final TableHooks<R> hooks;

  private TableMeta(Table<R> table, List<Column<?>> columns, Map<Column<?>, String> properties,
      List<Column<?>> primaryKey, List<Index> indexes, List<Check> checks,
      Map<Relation<?, ?>, String> relations, Map<Hook<?>, String> hooks) {
    this.table = table;
    this.hooks = TableHooks.of(table, hooks);
    this.relations = Map.copyOf(relations);
    this.columns = List.copyOf(columns);
    this.properties = properties;
    this.primaryKey = List.copyOf(primaryKey);
    this.indexes = List.copyOf(indexes);
    this.checks = List.copyOf(checks);
    this.createdAt = withRole(table, columns, ColumnRole.CREATED_AT);
    this.updatedAt = withRole(table, columns, ColumnRole.UPDATED_AT);
    this.deletedAt = withRole(table, columns, ColumnRole.DELETED_AT);
    this.version = withRole(table, columns, ColumnRole.VERSION);
  }

  private static Column<?> withRole(Table<?> table, List<Column<?>> columns, ColumnRole role) {
    Column<?> found = null;
    for (Column<?> c : columns) {
      if (c.role() == role) {
        if (found != null) {
          throw new MappingException("Table " + table.name() + " declares two " + role
              + " columns: " + found.name() + " and " + c.name());
        }
        found = c;
      }
    }
    return found;
  }

  /** The column declared {@code createdAt()}, or null. */
  public Column<?> createdAt() { return createdAt; }

  /** The column declared {@code updatedAt()}, or null. */
  public Column<?> updatedAt() { return updatedAt; }

  /** The soft-delete column declared {@code deletedAt()}, or null when rows are really deleted. */
  public Column<?> deletedAt() { return deletedAt; }

  /** The optimistic-lock column declared {@code version()}, or null. */
  public Column<?> version() { return version; }

  /** The lifecycle hooks the table declares (none for most tables). */
  public TableHooks<R> hooks() { return hooks; }

  /** True when Sluice writes a column of this table by itself (times or a version). */
  public boolean managesWrites() { return createdAt != null || updatedAt != null || version != null; }

  /** True when the table declares a creation or update time that Sluice fills. */
  public boolean hasTimestamps() { return createdAt != null || updatedAt != null; }

  static <R> TableMeta<R> read(Table<R> table) {
    List<Column<?>> columns = new ArrayList<>();
    Map<Column<?>, String> props = new java.util.HashMap<>();
    List<Column<?>> pk = new ArrayList<>();
    PrimaryKey composite = null;
    List<Index> indexes = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    Map<Relation<?, ?>, String> relations = new IdentityHashMap<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    Map<Hook<?>, String> hooks = new IdentityHashMap<>();
    for (Field f : table.getClass().getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      Object v;
      try {
        v = f.get(table);
      } catch (IllegalAccessException e) {
        throw new MappingException("Cannot read field " + f.getName() + " of table " + table.name(), e);
      }
      if (v == null) {
        throw new MappingException("Field " + f.getName() + " of table " + table.name()
            + " is null: the table was used before its constructor finished");
      }
      if (seen.put(v, Boolean.TRUE) != null) {
        continue;
      }
      if (v instanceof Column<?> c) {
        if (c.table() != table) {
          throw new MappingException("Field " + f.getName() + " of table " + table.name()
              + " holds a column of table " + c.table().name());
        }
        String previous = props.put(c, f.getName());
        if (previous != null) {
          throw new MappingException("Column " + c.name() + " of table " + table.name()
              + " is declared twice: fields " + previous + " and " + f.getName());
        }
        columns.add(c);
      } else if (v instanceof Index i) {
        indexes.add(i);
      } else if (v instanceof PrimaryKey p) {
        composite = p;
      } else if (v instanceof Check ch) {
        checks.add(ch);
      } else if (v instanceof Relation<?, ?> rel) {
        relations.put(rel.declared(), f.getName());
      } else if (v instanceof Hook<?> h) {
        if (h.table() != table) {
          throw new MappingException("Field " + f.getName() + " of table " + table.name()
              + " holds a hook of table " + h.table().name());
        }
        hooks.put(h, f.getName());
      }
    }
    columns.sort(Comparator.comparingInt(Column::slot));
    for (Column<?> c : columns) {
      c.deriveName(table.naming().columnName(props.get(c)));
    }
    checkUniqueNames(table, columns);
    for (Column<?> c : columns) {
      if (c.isPrimaryKey()) {
        pk.add(c);
      }
    }
    if (composite != null) {
      if (!pk.isEmpty()) {
        throw new MappingException("Table " + table.name()
            + " declares both a composite primary key and primaryKey() on column " + pk.get(0).name());
      }
      pk.addAll(composite.columns());
    } else if (pk.size() > 1) {
      throw new MappingException("Table " + table.name() + " marks " + pk.size()
          + " columns with primaryKey(); declare a composite key with primaryKey(a, b) instead");
    }
    if (columns.isEmpty()) {
      throw new MappingException("Table " + table.name() + " declares no public Column fields");
    }
    return new TableMeta<>(table, columns, props, pk, indexes, checks, relations, hooks);
  }

  private static void checkUniqueNames(Table<?> table, List<Column<?>> columns) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Column<?> c : columns) {
      if (!names.add(c.name())) {
        throw new MappingException("Table " + table.name() + " has two columns named " + c.name());
      }
    }
  }

  public Table<R> table() { return table; }

  public List<Column<?>> columns() { return columns; }

  /** The primary key columns (empty when the table has none). */
  public List<Column<?>> primaryKey() { return primaryKey; }

  public List<Index> indexes() { return indexes; }

  public List<Check> checks() { return checks; }

  /**
   * The mapping of the table's row record to its columns, or null when the row type is not a
   * record (such as {@link dev.sluice.Row}).
   */
  public RecordMapping<R> rowMapping() {
    RecordMapping<R> m = rowMapping;
    if (m == null && table.rowType().isRecord()) {
      m = RecordMapping.of(table, table.rowType());
      rowMapping = m;
    }
    return m;
  }

  /** The Java property (field) name of a column of this table. */
  public String propertyOf(Column<?> column) {
    String p = properties.get(column);
    if (p == null) {
      throw new MappingException("Column " + column.name() + " is not a public field of table "
          + table.name());
    }
    return p;
  }

  /** The field name of a relation declared by this table. */
  public String relationName(Relation<?, ?> relation) {
    String n = relations.get(relation.declared());
    if (n == null) {
      throw new MappingException("Relation " + relation.kind() + " is not a public field of table "
          + table.name());
    }
    return n;
  }

  /** The column whose field is named {@code property}, or null. */
  public Column<?> columnForProperty(String property) {
    for (Map.Entry<Column<?>, String> e : properties.entrySet()) {
      if (e.getValue().equals(property)) {
        return e.getKey();
      }
    }
    return null;
  }
}
