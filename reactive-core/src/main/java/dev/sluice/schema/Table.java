package dev.sluice.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A SQL table defined in code. Subclass it, declare columns as {@code public final} fields built by
 * the protected factories, and name the row record as the type argument:
 *
 * <pre>{@code
 * public final class Countries extends Table<Country> {
 *   public final Column<Integer> id   = serial("id").primaryKey();
 *   public final Column<String>  name = varchar("name", 256).notNull();
 *   public final Index nameIndex      = uniqueIndex(name);
 *   public Countries() { super("countries"); }
 * }
 * }</pre>
 *
 * <p>A table is a plain description: it holds no connection. Its metadata is read (and the row record
 * checked against the columns) the first time the table is used.
 *
 * @param <R> the row type, a Java record whose component names match the column fields
 */
public abstract class Table<R> {
  private final String name;
  private final String schema;
  private final Class<R> rowType;
  private final NamingStrategy naming;
  private int nextSlot;
  private int nextHook;
  private String alias;
  private dev.sluice.sql.Statement source;
  private volatile TableMeta<R> meta;

  /**
   * A table named {@code name}; the row type is read from the subclass's type argument. Columns
   * declared without a name are named by {@link NamingStrategy#SNAKE_CASE}.
   */
  protected Table(String name) {
    this(null, name);
  }

  /**
   * A table named {@code name} in the database schema {@code schema} (null: the connection's
   * default), rendered qualified: {@code "audit"."events"}. See {@link SqlSchema}.
   */
  protected Table(SqlSchema schema, String name) {
    this.name = requireIdentifier(name);
    this.schema = schema == null ? null : schema.name();
    this.rowType = resolveRowType(getClass());
    this.naming = NamingStrategy.SNAKE_CASE;
  }

  /** A table with an explicit row type, for generic or anonymous table classes. */
  protected Table(String name, Class<R> rowType) {
    this.name = requireIdentifier(name);
    this.rowType = Objects.requireNonNull(rowType, "rowType");
    this.schema = null;
    this.naming = NamingStrategy.SNAKE_CASE;
  }

  /**
   * A table named after its class by {@link NamingStrategy#SNAKE_CASE}: {@code class BlogPosts}
   * is {@code blog_posts}, and so are its columns declared without a name.
   */
  protected Table() {
    this(NamingStrategy.SNAKE_CASE);
  }

  /** A table whose name, and the names of the columns declared without one, come from {@code naming}. */
  protected Table(NamingStrategy naming) {
    this.naming = Objects.requireNonNull(naming, "naming");
    this.name = requireIdentifier(naming.tableName(getClass()));
    this.schema = null;
    this.rowType = resolveRowType(getClass());
  }

  /** How the names not given in the schema code are derived. */
  public final NamingStrategy naming() { return naming; }

  /** The SQL name. */
  public final String name() { return name; }

  /** The database schema the table is declared in, or null for the connection's default. */
  public final String schema() { return schema; }

  /** The alias this instance is known by in a query, or null for the table itself. */
  public final String alias() { return alias; }

  /** How column references are qualified: the alias if there is one, else the table name. */
  public final String qualifier() { return alias != null ? alias : name; }

  /**
   * The same table under an alias, so it can appear twice in one query (a self-join). The alias has
   * its own columns: {@code Users boss = USERS.as("boss"); eq(USERS.bossId, boss.id)}. Needs a
   * no-argument constructor in the table class.
   */
  public final <T extends Table<R>> T as(String alias) {
    requireIdentifier(alias);
    return copy(alias, source, "alias");
  }

  /**
   * A derived table: this table's name and typed columns, filled by {@code query} in the FROM clause
   * ({@code (SELECT ...) AS "name"}). Use {@code Dsl.derived(SHAPE, query)} rather than calling this.
   * The query must select one value per column, of the column's type, in declaration order.
   */
  public final <T extends Table<R>> T derivedFrom(dev.sluice.sql.Statement query) {
    dev.sluice.sql.CommonTable.requireShape(this, query, "Derived table");
    return copy(alias, query, "derive from");
  }

  /** The query a derived table is filled by, or null for a stored table. */
  public final dev.sluice.sql.Statement source() { return source; }

  @SuppressWarnings("unchecked")
  private <T extends Table<R>> T copy(String newAlias, dev.sluice.sql.Statement newSource, String why) {
    try {
      java.lang.reflect.Constructor<?> c = getClass().getDeclaredConstructor();
      c.trySetAccessible();
      Table<R> copy = (Table<R>) c.newInstance();
      copy.alias = newAlias;
      copy.source = newSource;
      return (T) copy;
    } catch (ReflectiveOperationException e) {
      throw new dev.sluice.error.MappingException("Cannot " + why + " table " + name + ": "
          + getClass().getName() + " needs an accessible no-argument constructor", e);
    }
  }

  /** The Java type rows of this table map to. */
  public final Class<R> rowType() { return rowType; }

  /** The columns in declaration order. */
  public final List<Column<?>> columns() { return meta().columns(); }

  /**
   * The metadata read from the declared fields. Computed once, on first use; throws
   * {@link dev.sluice.error.MappingException} if the row record does not match the columns.
   */
  public final TableMeta<R> meta() {
    TableMeta<R> m = meta;
    if (m == null) {
      synchronized (this) {
        m = meta;
        if (m == null) {
          m = TableMeta.read(this);
          meta = m;
          m.rowMapping(); // checks the row record against the columns now, naming any mismatch
        }
      }
    }
    return m;
  }

  // ---- column factories -------------------------------------------------------------------

  protected final Column<Short> smallint(String name) { return add(name, SqlKind.SMALLINT, Short.class); }

  protected final Column<Integer> integer(String name) { return add(name, SqlKind.INTEGER, Integer.class); }

  protected final Column<Long> bigint(String name) { return add(name, SqlKind.BIGINT, Long.class); }

  /** An auto-incrementing integer, filled by the database when an insert leaves it null. */
  protected final Column<Integer> serial(String name) { return add(name, SqlKind.SERIAL, Integer.class); }

  /** An auto-incrementing bigint, filled by the database when an insert leaves it null. */
  protected final Column<Long> bigserial(String name) { return add(name, SqlKind.BIGSERIAL, Long.class); }

  protected final Column<Boolean> bool(String name) { return add(name, SqlKind.BOOLEAN, Boolean.class); }

  protected final Column<String> varchar(String name, int length) {
    return column(name, new DataType<>(SqlKind.VARCHAR, String.class, positive(length), 0, 0, null, null));
  }

  protected final Column<String> fixedChar(String name, int length) {
    return column(name, new DataType<>(SqlKind.CHAR, String.class, positive(length), 0, 0, null, null));
  }

  protected final Column<String> text(String name) { return add(name, SqlKind.TEXT, String.class); }

  protected final Column<BigDecimal> decimal(String name, int precision, int scale) {
    return column(name, new DataType<>(SqlKind.DECIMAL, BigDecimal.class, 0, positive(precision),
        scale, null, null));
  }

  protected final Column<Float> real(String name) { return add(name, SqlKind.REAL, Float.class); }

  protected final Column<Double> doublePrecision(String name) { return add(name, SqlKind.DOUBLE, Double.class); }

  protected final Column<LocalDate> date(String name) { return add(name, SqlKind.DATE, LocalDate.class); }

  protected final Column<LocalTime> time(String name) { return add(name, SqlKind.TIME, LocalTime.class); }

  protected final Column<LocalDateTime> timestamp(String name) {
    return add(name, SqlKind.TIMESTAMP, LocalDateTime.class);
  }

  protected final Column<OffsetDateTime> timestamptz(String name) {
    return add(name, SqlKind.TIMESTAMPTZ, OffsetDateTime.class);
  }

  protected final Column<UUID> uuid(String name) { return add(name, SqlKind.UUID, UUID.class); }

  /** JSON text; the value is the JSON document as a string. */
  protected final Column<String> json(String name) { return add(name, SqlKind.JSON, String.class); }

  /** Binary JSON where the database has it (PostgreSQL), else JSON; the value is the document text. */
  protected final Column<String> jsonb(String name) { return add(name, SqlKind.JSONB, String.class); }

  /**
   * A JSON column whose values are {@code type}s, written and read as JSON by the database's
   * {@link JsonMapping} (Jackson): {@code public final Column<Address> address = json("address", Address.class);}
   */
  protected final <T> Column<T> json(String name, Class<T> type) { return jsonColumn(name, SqlKind.JSON, JsonType.of(type)); }

  /** A JSON column of a generic type: {@code json("items", new JsonType<List<Item>>() {})}. */
  protected final <T> Column<T> json(String name, JsonType<T> type) { return jsonColumn(name, SqlKind.JSON, type); }

  /** A binary JSON column (PostgreSQL {@code jsonb}, else JSON) whose values are {@code type}s (see {@link #json(String, Class)}). */
  protected final <T> Column<T> jsonb(String name, Class<T> type) { return jsonColumn(name, SqlKind.JSONB, JsonType.of(type)); }

  /** A binary JSON column of a generic type: {@code jsonb("items", new JsonType<List<Item>>() {})}. */
  protected final <T> Column<T> jsonb(String name, JsonType<T> type) { return jsonColumn(name, SqlKind.JSONB, type); }

  private <T> Column<T> jsonColumn(String name, SqlKind kind, JsonType<T> type) {
    Objects.requireNonNull(type, "type");
    JsonCodec<T> codec = new JsonCodec<>(type.type(), name() + "." + requireIdentifier(name));
    return column(name, new DataType<>(kind, type.rawType(), 0, 0, 0, null, codec));
  }

  protected final Column<byte[]> bytes(String name) { return add(name, SqlKind.BYTES, byte[].class); }

  /** A column of a SQL enum type backed by a Java enum. */
  protected final <E extends Enum<E>> Column<E> column(String name, EnumType<E> type) {
    return column(name, DataType.enumType(type));
  }

  /** A column of any type, including user-defined types with a {@link Codec}. */
  protected final <T> Column<T> column(String name, DataType<T> type) {
    return new Column<>(this, nextSlot++, requireIdentifier(name), Objects.requireNonNull(type));
  }

  // ---- column factories named after their field (by the table's NamingStrategy) ------------

  /** A {@code smallint} column named after its field. */
  protected final Column<Short> smallint() { return add(null, SqlKind.SMALLINT, Short.class); }

  /** An {@code integer} column named after its field. */
  protected final Column<Integer> integer() { return add(null, SqlKind.INTEGER, Integer.class); }

  /** A {@code bigint} column named after its field. */
  protected final Column<Long> bigint() { return add(null, SqlKind.BIGINT, Long.class); }

  /** An auto-incrementing integer named after its field. */
  protected final Column<Integer> serial() { return add(null, SqlKind.SERIAL, Integer.class); }

  /** An auto-incrementing bigint named after its field. */
  protected final Column<Long> bigserial() { return add(null, SqlKind.BIGSERIAL, Long.class); }

  /** A boolean column named after its field. */
  protected final Column<Boolean> bool() { return add(null, SqlKind.BOOLEAN, Boolean.class); }

  /** A {@code varchar(length)} column named after its field. */
  protected final Column<String> varchar(int length) {
    return column(new DataType<>(SqlKind.VARCHAR, String.class, positive(length), 0, 0, null, null));
  }

  /** A {@code char(length)} column named after its field. */
  protected final Column<String> fixedChar(int length) {
    return column(new DataType<>(SqlKind.CHAR, String.class, positive(length), 0, 0, null, null));
  }

  /** A {@code text} column named after its field: {@code public final Column<String> bio = text();}. */
  protected final Column<String> text() { return add(null, SqlKind.TEXT, String.class); }

  /** A {@code decimal(precision, scale)} column named after its field. */
  protected final Column<BigDecimal> decimal(int precision, int scale) {
    return column(new DataType<>(SqlKind.DECIMAL, BigDecimal.class, 0, positive(precision), scale, null, null));
  }

  /** A {@code real} column named after its field. */
  protected final Column<Float> real() { return add(null, SqlKind.REAL, Float.class); }

  /** A {@code double precision} column named after its field. */
  protected final Column<Double> doublePrecision() { return add(null, SqlKind.DOUBLE, Double.class); }

  /** A {@code date} column named after its field. */
  protected final Column<LocalDate> date() { return add(null, SqlKind.DATE, LocalDate.class); }

  /** A {@code time} column named after its field. */
  protected final Column<LocalTime> time() { return add(null, SqlKind.TIME, LocalTime.class); }

  /** A {@code timestamp} column named after its field. */
  protected final Column<LocalDateTime> timestamp() { return add(null, SqlKind.TIMESTAMP, LocalDateTime.class); }

  /** A {@code timestamptz} column named after its field. */
  protected final Column<OffsetDateTime> timestamptz() {
    return add(null, SqlKind.TIMESTAMPTZ, OffsetDateTime.class);
  }

  /** A {@code uuid} column named after its field. */
  protected final Column<UUID> uuid() { return add(null, SqlKind.UUID, UUID.class); }

  /** A JSON column named after its field. */
  protected final Column<String> json() { return add(null, SqlKind.JSON, String.class); }

  /** A binary JSON column named after its field. */
  protected final Column<String> jsonb() { return add(null, SqlKind.JSONB, String.class); }

  /** A binary column named after its field. */
  protected final Column<byte[]> bytes() { return add(null, SqlKind.BYTES, byte[].class); }

  /** A column of a SQL enum type named after its field. */
  protected final <E extends Enum<E>> Column<E> column(EnumType<E> type) {
    return column(DataType.enumType(type));
  }

  /** A column of any type named after its field. */
  protected final <T> Column<T> column(DataType<T> type) {
    return new Column<>(this, nextSlot++, null, Objects.requireNonNull(type));
  }

  // ---- relations --------------------------------------------------------------------------

  /** One related row per row of this table, found by the related table's foreign key to this one. */
  @SuppressWarnings("unchecked")
  protected final <C> Relation<R, C> hasOne(Supplier<? extends Column<?>> foreignKeyOfRelated) {
    return new Relation<>(this, Relation.Kind.HAS_ONE, (Supplier<Column<?>>) foreignKeyOfRelated, null);
  }

  /** Many related rows, found by the related table's foreign key to this one. */
  @SuppressWarnings("unchecked")
  protected final <C> Relation<R, C> hasMany(Supplier<? extends Column<?>> foreignKeyOfRelated) {
    return new Relation<>(this, Relation.Kind.HAS_MANY, (Supplier<Column<?>>) foreignKeyOfRelated, null);
  }

  /** The row this row's foreign key points at. */
  @SuppressWarnings("unchecked")
  protected final <C> Relation<R, C> belongsTo(Supplier<? extends Column<?>> ownForeignKey) {
    return new Relation<>(this, Relation.Kind.BELONGS_TO, (Supplier<Column<?>>) ownForeignKey, null);
  }

  /** Related rows through a join table: its column pointing here, and its column pointing there. */
  @SuppressWarnings("unchecked")
  protected final <C> Relation<R, C> manyToMany(Supplier<? extends Column<?>> joinColumnToThis,
      Supplier<? extends Column<?>> joinColumnToRelated) {
    return new Relation<>(this, Relation.Kind.MANY_TO_MANY, (Supplier<Column<?>>) joinColumnToThis,
        (Supplier<Column<?>>) joinColumnToRelated);
  }

  // ---- lifecycle hooks --------------------------------------------------------------------

  /**
   * A hook run on each record before it is inserted (one row, many, a stream, {@code save}, an
   * upsert), emitting the record to insert. Declare it as a {@code public final Hook<R>} field.
   *
   * <pre>{@code
   * public final Hook<User> lowerEmail = beforeInsert(u -> Mono.just(u.withEmail(u.email().toLowerCase())));
   * }</pre>
   */
  protected final Hook<R> beforeInsert(java.util.function.Function<R, reactor.core.publisher.Mono<R>> hook) {
    return new Hook<>(this, Hook.Kind.BEFORE_INSERT, nextHook++, hook);
  }

  /**
   * A hook run once per UPDATE statement, on the statement ({@link PendingUpdate}: its assignments,
   * its filter, the record of an update by key): a bulk update by {@code where} runs it once, not
   * per row. It emits the statement to send.
   */
  protected final Hook<R> beforeUpdate(
      java.util.function.Function<PendingUpdate<R>, reactor.core.publisher.Mono<PendingUpdate<R>>> hook) {
    return new Hook<>(this, Hook.Kind.BEFORE_UPDATE, nextHook++, hook);
  }

  /**
   * A hook run once per DELETE statement (soft deletes included), on the statement
   * ({@link PendingDelete}); it emits the statement to send, or an error to refuse it.
   */
  protected final Hook<R> beforeDelete(
      java.util.function.Function<PendingDelete<R>, reactor.core.publisher.Mono<PendingDelete<R>>> hook) {
    return new Hook<>(this, Hook.Kind.BEFORE_DELETE, nextHook++, hook);
  }

  /**
   * A hook run on each row record of this table a read builds, emitting the record the reader gets:
   * those of {@code selectFrom(table)} ({@code fetch}, {@code fetchOne}, {@code fetchFirst},
   * {@code paginate}, {@code chunks}, {@code fetch(R.class)}), a row record nested in a result record
   * ({@code record Shown(Post post, String slug)}), related records a relation loads and each
   * table's record of a joined row. Not on partial records, projections, generic rows, raw SQL or
   * {@code returning()}; {@code withoutHooks()} skips it for one query.
   */
  protected final Hook<R> afterFetch(java.util.function.Function<R, reactor.core.publisher.Mono<R>> hook) {
    return new Hook<>(this, Hook.Kind.AFTER_FETCH, nextHook++, hook);
  }

  // ---- table-level constraints ------------------------------------------------------------

  /** An index over the columns, named {@code <table>_<col>_..._index}. */
  protected final Index index(Column<?>... columns) { return newIndex(false, columns); }

  /** A unique index over the columns, named {@code <table>_<col>_..._index}. */
  protected final Index uniqueIndex(Column<?>... columns) { return newIndex(true, columns); }

  /** A composite primary key. */
  protected final PrimaryKey primaryKey(Column<?>... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("A primary key needs at least one column");
    }
    return new PrimaryKey(Arrays.asList(columns));
  }

  /** A table-level check constraint written in SQL. */
  protected final Check check(String constraintName, String sql) {
    return new Check(requireIdentifier(constraintName), Objects.requireNonNull(sql));
  }

  private Index newIndex(boolean unique, Column<?>... columns) {
    for (Column<?> c : columns) {
      if (!c.hasGivenName()) {
        return new Index(this, null, Arrays.asList(columns), unique, null); // named on first use
      }
    }
    return new Index(this, Index.defaultName(this, Arrays.asList(columns)), Arrays.asList(columns), unique, null);
  }

  private <T> Column<T> add(String name, SqlKind kind, Class<T> javaType) {
    return name == null ? column(DataType.of(kind, javaType)) : column(name, DataType.of(kind, javaType));
  }

  private static int positive(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Size must be positive, was " + n);
    }
    return n;
  }

  static String requireIdentifier(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A SQL name must not be blank");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("A SQL name must not contain NUL: " + name);
    }
    return name;
  }

  @SuppressWarnings("unchecked")
  private static <R> Class<R> resolveRowType(Class<?> tableClass) {
    for (Class<?> c = tableClass; c != null && c != Table.class; c = c.getSuperclass()) {
      Type t = c.getGenericSuperclass();
      if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
          && Table.class.isAssignableFrom(raw)) { // Table<R> or View<R>
        Type arg = p.getActualTypeArguments()[0];
        if (arg instanceof Class<?> k) {
          return (Class<R>) k;
        }
        if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> k) {
          return (Class<R>) k;
        }
      }
    }
    throw new IllegalStateException("Cannot read the row type of " + tableClass.getName()
        + ": extend Table<MyRecord> directly or pass the row type to the constructor");
  }

  @Override public String toString() { return alias == null ? name : name + " AS " + alias; }
}
