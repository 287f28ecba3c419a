package dev.sluice.schema;

import dev.sluice.sql.ColumnExpr;
import dev.sluice.sql.Expr;
import dev.sluice.sql.Field;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A typed column of a {@link Table}, declared as a field of the table class. Columns are immutable:
 * every modifier returns a new column that keeps its place in the table.
 *
 * <pre>{@code
 * public final Column<Integer> id        = serial("id").primaryKey();
 * public final Column<String>  name      = varchar("name", 256).notNull();
 * public final Column<Integer> countryId = integer("country_id").references(() -> COUNTRIES.id);
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements Field<T> {
  private final Table<?> table;
  private final int slot;
  /** The SQL name; null until {@link TableMeta} derives it from the field when none was given. */
  private volatile String name;
  private final DataType<T> type;
  private final boolean primaryKey;
  private final boolean notNull;
  private final boolean unique;
  private final T defaultValue;
  private final String defaultSql;
  private final Supplier<Column<T>> references;
  private final ReferentialAction onDelete;
  private final ReferentialAction onUpdate;
  private final String check;
  private final ColumnRole role;
  private final String comment;
  private final GeneratedAs generated;
  private final ColumnExpr<T> expr;
  private final boolean given;

  Column(Table<?> table, int slot, String name, DataType<T> type) {
    this(table, slot, name, type, false, false, false, null, null, null, null, null, null, ColumnRole.NONE, null, null);
  }

  private Column(Table<?> table, int slot, String name, DataType<T> type, boolean primaryKey,
      boolean notNull, boolean unique, T defaultValue, String defaultSql,
      Supplier<Column<T>> references, ReferentialAction onDelete, ReferentialAction onUpdate,
      String check, ColumnRole role, String comment, GeneratedAs generated) {
    this.table = table;
    this.slot = slot;
    this.name = name;
    this.type = type;
    this.primaryKey = primaryKey;
    this.notNull = notNull || primaryKey;
    this.unique = unique;
    this.defaultValue = defaultValue;
    this.defaultSql = defaultSql;
    this.references = references;
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
    this.check = check;
    this.role = role;
    this.comment = comment;
    this.generated = generated;
    this.expr = new ColumnExpr<>(this);
    this.given = name != null;
  }

  /** Marks the column as the table's (single-column) primary key; implies not null. */
  public Column<T> primaryKey() {
    notGenerated("primaryKey()");
    return new Column<>(table, slot, name, type, true, true, unique, defaultValue, defaultSql,
        references, onDelete, onUpdate, check, role, comment, generated);
  }

  /** Adds {@code NOT NULL}. */
  public Column<T> notNull() {
    return new Column<>(table, slot, name, type, primaryKey, true, unique, defaultValue, defaultSql,
        references, onDelete, onUpdate, check, role, comment, generated);
  }

  /** Adds a {@code UNIQUE} constraint on this column alone. */
  public Column<T> unique() {
    return new Column<>(table, slot, name, type, primaryKey, notNull, true, defaultValue, defaultSql,
        references, onDelete, onUpdate, check, role, comment, generated);
  }

  /** A default value, rendered as a bound-free literal in DDL and used when an insert leaves it null. */
  public Column<T> defaultValue(T value) {
    notGenerated("defaultValue(...)");
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique,
        Objects.requireNonNull(value, "value"), defaultSql, references, onDelete, onUpdate, check, role, comment, generated);
  }

  /** A default given as SQL, such as {@code now()}; it is part of the schema code, never user input. */
  public Column<T> defaultSql(String sql) {
    notGenerated("defaultSql(...)");
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique, defaultValue,
        Objects.requireNonNull(sql, "sql"), references, onDelete, onUpdate, check, role, comment, generated);
  }

  /** A foreign key to {@code target}, given lazily so tables may reference each other in any order. */
  public Column<T> references(Supplier<Column<T>> target) {
    return references(target, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
  }

  /** A foreign key with explicit {@code ON DELETE} / {@code ON UPDATE} actions. */
  public Column<T> references(Supplier<Column<T>> target, ReferentialAction onDelete,
      ReferentialAction onUpdate) {
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique, defaultValue,
        defaultSql, Objects.requireNonNull(target, "target"), Objects.requireNonNull(onDelete),
        Objects.requireNonNull(onUpdate), check, role, comment, generated);
  }

  /** A column {@code CHECK} constraint, as SQL written in the schema code (e.g. {@code "age >= 0"}). */
  public Column<T> check(String sql) {
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique, defaultValue,
        defaultSql, references, onDelete, onUpdate, Objects.requireNonNull(sql, "sql"), role, comment, generated);
  }

  /**
   * Makes this the table's creation time: Sluice fills it from the {@code Clock} of the
   * {@code Database} when a row is inserted (a value the record gives is kept) and never changes it
   * on update or upsert. Only on a {@code timestamp} or {@code timestamptz} column.
   *
   * <pre>{@code
   * public final Column<OffsetDateTime> createdAt = timestamptz("created_at").createdAt();
   * }</pre>
   */
  public Column<T> createdAt() {
    return withRole(ColumnRole.CREATED_AT, "createdAt()");
  }

  /**
   * Makes this the table's last-update time: filled like {@link #createdAt()} on insert, and set to
   * the {@code Clock}'s time by every update and upsert that does not set it itself.
   */
  public Column<T> updatedAt() {
    return withRole(ColumnRole.UPDATED_AT, "updatedAt()");
  }

  /**
   * Makes this the table's soft-delete mark (a nullable timestamp): {@code deleteFrom} sets it to the
   * clock's time instead of deleting the row, every {@code selectFrom}, projection and relation load
   * of the table skips rows where it is set ({@code withDeleted()} and {@code onlyDeleted()} change
   * that), and {@code update(table).restore(where)} clears it.
   *
   * <pre>{@code
   * public final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at").deletedAt();
   * }</pre>
   */
  public Column<T> deletedAt() {
    return withRole(ColumnRole.DELETED_AT, "deletedAt()");
  }

  /**
   * Makes this the table's optimistic-lock version (an integer or bigint): Sluice writes 1 on insert
   * and {@code version = version + 1} on every update; an update by primary key of a record read at
   * version n matches the row only while it is still at n, and otherwise fails with
   * {@link dev.sluice.error.OptimisticLockException}.
   *
   * <pre>{@code
   * public final Column<Integer> version = integer("version").notNull().version();
   * }</pre>
   */
  public Column<T> version() {
    notGenerated("version()");
    Class<?> javaType = type.javaType();
    if (javaType != Integer.class && javaType != Long.class) {
      throw new IllegalArgumentException("version() needs an integer or bigint column, but "
          + describe() + " holds " + javaType.getSimpleName());
    }
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique, defaultValue, defaultSql,
        references, onDelete, onUpdate, check, ColumnRole.VERSION, comment, generated);
  }

  private Column<T> withRole(ColumnRole newRole, String what) {
    notGenerated(what);
    Class<?> javaType = type.javaType();
    if (javaType != java.time.OffsetDateTime.class && javaType != java.time.LocalDateTime.class) {
      throw new IllegalArgumentException(what + " needs a timestamp or timestamptz column, but "
          + describe() + " holds " + javaType.getSimpleName());
    }
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique, defaultValue, defaultSql,
        references, onDelete, onUpdate, check, newRole, comment, generated);
  }

  /**
   * A human description of the column, for documentation generated from the schema (such as the
   * {@code description} of its OpenAPI schema in {@code sluice-openapi}). It is not written into the
   * DDL and does not take part in migrations.
   *
   * <pre>{@code
   * public final Column<String> email = varchar("email", 320).comment("Where receipts are sent");
   * }</pre>
   */
  public Column<T> comment(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("The comment of column " + table.name() + "." + name + " is blank");
    }
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique, defaultValue, defaultSql,
        references, onDelete, onUpdate, check, role, text, generated);
  }

  /**
   * Makes this a generated column whose value the database computes from the SQL expression
   * {@code sql} and stores with the row. Sluice never writes it: inserts, updates, upserts and
   * {@code save} leave it out, reads and {@code returning()} read it back, and setting it
   * explicitly ({@code set(column, v)}, a non-null record component on insert, an upsert's
   * {@code doUpdate(column)}) is an {@link dev.sluice.error.IllegalUseException} naming it, before
   * anything is sent. The expression is part of the schema code (written in the database's SQL, like
   * {@link #check(String)}), never user input.
   *
   * <pre>{@code
   * public final Column<Integer> total = integer("total").generatedAlways("\"price\" * \"quantity\"");
   * // PostgreSQL: "total" INTEGER GENERATED ALWAYS AS ("price" * "quantity") STORED
   * // MySQL:      `total` INT AS (`price` * `quantity`) STORED
   * }</pre>
   */
  public Column<T> generatedAlways(String sql) {
    return generated(sql, null, true);
  }

  /**
   * A stored generated column computed by a typed expression over the table's other columns,
   * rendered by each dialect (column references unqualified). The expression must bind no value:
   * {@code concat(first, last)} does, {@code concat(first, " ")} is refused when the table is
   * created, since DDL has no bind parameters; write such an expression in SQL.
   *
   * <pre>{@code
   * public final Column<String> first = varchar("first", 50).notNull();
   * public final Column<String> last  = varchar("last", 50).notNull();
   * public final Column<String> both  = varchar("both", 100).generatedAlways(concat(first, last));
   * // PostgreSQL: "both" VARCHAR(100) GENERATED ALWAYS AS ("first" || "last") STORED
   * // MySQL:      `both` VARCHAR(100) GENERATED ALWAYS AS (CONCAT(`first`, `last`)) STORED
   * }</pre>
   */
  public Column<T> generatedAlways(dev.sluice.sql.Field<T> expression) {
    return generated(null, Objects.requireNonNull(expression, "expression").expr(), true);
  }

  /**
   * A generated column computed when read and not stored ({@code VIRTUAL}), where the database has
   * such columns (MySQL, MariaDB, SQLite, Oracle; H2's are always computed; SQL Server's computed
   * columns without {@code PERSISTED}). PostgreSQL before 18 and CockroachDB refuse it when the
   * table is created, with {@link dev.sluice.error.UnsupportedByDialectException}.
   */
  public Column<T> generatedAlwaysVirtual(String sql) {
    return generated(sql, null, false);
  }

  /** A virtual generated column computed by a typed expression ({@link #generatedAlways(dev.sluice.sql.Field)}). */
  public Column<T> generatedAlwaysVirtual(dev.sluice.sql.Field<T> expression) {
    return generated(null, Objects.requireNonNull(expression, "expression").expr(), false);
  }

  /** Refuses {@code what} on a generated column, whose value only the database gives. */
  private void notGenerated(String what) {
    if (generated != null) {
      throw new IllegalArgumentException(what + " cannot apply to generated column " + describe()
          + ": the database computes its value");
    }
  }

  private Column<T> generated(String sql, Expr<?> typed, boolean stored) {
    if (sql != null && sql.isBlank()) {
      throw new IllegalArgumentException("The expression of generated column " + describe() + " is blank");
    }
    if (primaryKey || defaultValue != null || defaultSql != null || type.kind().isGenerated()
        || role != ColumnRole.NONE) {
      throw new IllegalArgumentException("Generated column " + describe() + " cannot also be a primary key, "
          + "have a default, be serial or be written by Sluice (createdAt, version, ...)");
    }
    GeneratedAs g = new GeneratedAs(sql, typed, stored);
    return new Column<>(table, slot, name, type, primaryKey, notNull, unique, defaultValue, defaultSql,
        references, onDelete, onUpdate, check, role, comment, g);
  }

  /** How the database computes this column, or null for a column written by statements. */
  public GeneratedAs generatedAs() { return generated; }

  /** True for a column the database computes ({@link #generatedAlways}): Sluice never writes it. */
  public boolean isGeneratedAlways() { return generated != null; }

  /** The description given by {@link #comment(String)}, or null. */
  public String comment() { return comment; }

  /** What Sluice writes into this column by itself, {@link ColumnRole#NONE} for an ordinary column. */
  public ColumnRole role() { return role; }

  public Table<?> table() { return table; }

  /**
   * The SQL name: the one given to the factory, or the one the table's {@link NamingStrategy}
   * derives from the declaring field (read, with the rest of the table, on first use).
   */
  public String name() {
    String n = name;
    if (n == null) {
      table.meta();
      n = name;
      if (n == null) {
        throw new dev.sluice.error.MappingException("A column of table " + table.name() + " declared without a "
            + "name must be a public field of the table, to be named after it");
      }
    }
    return n;
  }

  /** True when the schema code gave the name (false: derived from the field). */
  public boolean hasGivenName() { return given; }

  /** Sets the derived name, once, while the table's metadata is read. */
  void deriveName(String derived) {
    if (name == null) {
      name = Table.requireIdentifier(derived);
    }
  }

  private String describe() {
    return table.name() + "." + (name != null ? name : "(column named after its field)");
  }

  /** The Java property name: the name of the field that declares this column. */
  public String propertyName() { return table.meta().propertyOf(this); }

  @Override public DataType<T> dataType() { return type; }

  @Override public Expr<T> expr() { return expr; }

  public boolean isPrimaryKey() { return primaryKey; }

  public boolean isNotNull() { return notNull; }

  public boolean isUnique() { return unique; }

  public T defaultValue() { return defaultValue; }

  public String defaultSql() { return defaultSql; }

  /** True when the database fills the column if an insert omits it. */
  public boolean hasDatabaseDefault() {
    return type.kind().isGenerated() || defaultSql != null || defaultValue != null || generated != null;
  }

  /** The referenced column, or null. */
  public Column<T> referencedColumn() { return references == null ? null : references.get(); }

  public ReferentialAction onDelete() { return onDelete; }

  public ReferentialAction onUpdate() { return onUpdate; }

  public String checkSql() { return check; }

  int slot() { return slot; }

  @Override public boolean equals(Object o) {
    return o instanceof Column<?> c && c.table == table && c.slot == slot;
  }

  @Override public int hashCode() { return System.identityHashCode(table) * 31 + slot; }

  @Override public String toString() { return table.qualifier() + "." + name(); }
}
