package dev.sluice.internal;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Column;
import dev.sluice.schema.RecordMapping;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.TableHooks;
import dev.sluice.schema.TableMeta;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * How a result record is built from a table's columns, loaded relations and relation aggregates:
 * component {@code name} ↔ the column in field {@code name}; a component of the table's row type
 * ({@code User user}) ↔ the whole row; component {@code posts} ↔ relation {@code posts}
 * ({@code List<Y>} for to-many, {@code Y} for to-one, Y itself a shape over the related table);
 * component {@code postsCount} ↔ an aggregate. Only the columns the shape reads are selected
 * ({@link #selected}), plus the keys its relations need. Built and checked once per query, before
 * anything runs.
 */
final class Shape {
  /** How one constructor argument is filled. */
  enum Kind { COLUMN, ROW, RELATION, AGGREGATE }

  /**
   * One constructor argument: a column's value ({@code column}, an index into {@link #selected}),
   * the whole row ({@code row} indexes the row record's columns in {@link #selected}), a relation
   * (with the shape of its records) or an aggregate.
   */
  record Slot(Kind kind, int column, int[] row, RecordMapping<?> mapping, Relation<?, ?> relation,
      Shape child, RelationTotal total) {}

  final Class<?> type;
  final Table<?> table;
  final List<Slot> slots;
  /**
   * Every component is a selected column, in the order selected: the column values are the
   * constructor's arguments as they are (no copy per row).
   */
  private final boolean columnsInOrder;
  /** The columns of {@link #table} to select, in table order. */
  final List<Column<?>> selected;
  private final MethodHandle constructor;
  /**
   * The table's {@code afterFetch} hooks when this shape builds its row record, as the record itself
   * or as a component ({@code User user}); null when it does not, or when the load opted out.
   */
  private final TableHooks<?> hooks;

  private Shape(Class<?> type, Table<?> table, List<Slot> slots, List<Column<?>> selected,
      MethodHandle constructor, TableHooks<?> hooks) {
    this.type = type;
    this.table = table;
    this.slots = slots;
    this.selected = selected;
    this.constructor = constructor;
    this.hooks = hooks;
    boolean same = slots.size() == selected.size();
    for (int i = 0; i < slots.size() && same; i++) {
      same = slots.get(i).kind() == Kind.COLUMN && slots.get(i).column() == i;
    }
    this.columnsInOrder = same;
  }

  static Shape of(Class<?> type, Table<?> table, List<Relation<?, ?>> relations) {
    return of(type, table, relations, List.of(), true);
  }

  static Shape of(Class<?> type, Table<?> table, List<Relation<?, ?>> relations, List<RelationTotal> totals) {
    return of(type, table, relations, totals, true);
  }

  /**
   * The shape of {@code type} over {@code table}; with {@code hooks}, the table's {@code afterFetch}
   * hooks run on every row record it builds (and the related tables' on theirs, in nested shapes).
   */
  static Shape of(Class<?> type, Table<?> table, List<Relation<?, ?>> relations, List<RelationTotal> totals,
      boolean hooks) {
    if (!type.isRecord()) {
      throw new MappingException(type.getName() + " is not a record; results with relations map to records");
    }
    TableMeta<?> meta = table.meta();
    RecordComponent[] comps = COMPONENTS.get(type);  // read, never changed
    Set<Column<?>> needed = new LinkedHashSet<>();
    List<Object> found = new ArrayList<>(comps.length);  // a Relation, a RelationTotal, a Column or a RecordMapping
    for (RecordComponent rc : comps) {
      Relation<?, ?> rel = relations.stream().filter(r -> r.name().equals(rc.getName())).findFirst().orElse(null);
      RelationTotal total = totals.stream().filter(t -> t.component().equals(rc.getName())).findFirst().orElse(null);
      Column<?> col = meta.columnForProperty(rc.getName());
      if (rel != null) {
        needed.add(rel.ownerKey());
        found.add(rel);
      } else if (total != null) {
        checkTotal(type, rc, total);
        needed.add(total.relation().ownerKey());
        found.add(total);
      } else if (col != null) {
        if (!box(rc.getType()).equals(col.dataType().javaType())) {
          throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
              + " has type " + rc.getType().getSimpleName() + " but column " + col + " holds "
              + col.dataType().javaType().getSimpleName());
        }
        needed.add(col);
        found.add(col);
      } else if (rc.getType() == table.rowType() && rc.getType().isRecord()) {
        RecordMapping<?> mapping = meta.rowMapping();
        needed.addAll(mapping.columns());
        found.add(mapping);
      } else {
        throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
            + " matches no column of table " + table.name() + ", no relation loaded with with(...), no"
            + " aggregate (withCount(...), ...) and is not the table's row record " + table.rowType().getSimpleName());
      }
    }
    for (Relation<?, ?> r : relations) {
      if (!found.contains(r)) {
        throw new MappingException("Relation " + r.name() + " is loaded but record " + type.getSimpleName()
            + " has no component named " + r.name());
      }
    }
    for (RelationTotal t : totals) {
      if (!found.contains(t)) {
        throw new MappingException("Aggregate " + t.component() + " is computed but record "
            + type.getSimpleName() + " has no component named " + t.component());
      }
    }
    List<Column<?>> selected = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      if (needed.contains(c)) {
        selected.add(c);
      }
    }
    if (selected.isEmpty()) {
      selected.add(table.columns().get(0));   // a record of nothing still reads one value per row
    }
    List<Slot> slots = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Object f = found.get(i);
      if (f instanceof Relation<?, ?> rel) {
        Class<?> childType = rel.single() ? comps[i].getType() : listElement(type, comps[i], rel);
        slots.add(new Slot(Kind.RELATION, -1, null, null, rel,
            of(childType, rel.target(), rel.nested(), totals(rel), hooks), null));
      } else if (f instanceof RelationTotal t) {
        slots.add(new Slot(Kind.AGGREGATE, -1, null, null, t.relation(), null, t));
      } else if (f instanceof Column<?> c) {
        slots.add(new Slot(Kind.COLUMN, selected.indexOf(c), null, null, null, null, null));
      } else {
        RecordMapping<?> m = (RecordMapping<?>) f;
        int[] row = new int[m.columns().size()];
        for (int j = 0; j < row.length; j++) {
          row[j] = selected.indexOf(m.columns().get(j));
        }
        slots.add(new Slot(Kind.ROW, -1, row, m, null, null, null));
      }
    }
    TableHooks<?> declared = meta.hooks();
    boolean buildsRow = type == table.rowType()
        || slots.stream().anyMatch(slot -> slot.kind() == Kind.ROW);
    return new Shape(type, table, List.copyOf(slots), List.copyOf(selected), CONSTRUCTORS.get(type),
        hooks && buildsRow && declared != null && declared.hasAfterFetch() ? declared : null);
  }

  /** The aggregates of {@code rel}'s rows' own relations ({@code USERS.posts.withCount(POSTS.comments)}). */
  private static List<RelationTotal> totals(Relation<?, ?> rel) {
    List<RelationTotal> out = new ArrayList<>(rel.aggregates().size());
    for (Relation.Aggregated<?> a : rel.aggregates()) {
      out.add(new RelationTotal(a.component(), a.relation(), a.value()));
    }
    return out;
  }

  private static void checkTotal(Class<?> type, RecordComponent rc, RelationTotal total) {
    Class<?> holds = total.value().dataType().javaType();
    if (!box(rc.getType()).equals(holds)) {
      throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
          + " has type " + rc.getType().getSimpleName() + " but the aggregate " + total.component()
          + " is a " + holds.getSimpleName());
    }
    if (rc.getType().isPrimitive() && total.empty() == null) {
      throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
          + " is a primitive " + rc.getType() + " but the aggregate " + total.component()
          + " is null for a parent without related rows: declare it " + holds.getSimpleName());
    }
  }

  /**
   * The canonical constructor of each record class, as {@code (Object[]) -> Object}, made once per
   * class. A method handle is customized (compiled for that very instance) after ~127 calls, so a
   * handle made afresh for every query would be customized, and its code generated and compiled,
   * again on every query.
   */
  /**
   * The record components of a record class, read once per class: {@code getRecordComponents()}
   * builds them anew by reflection on every call, and a shape is made on every eager load.
   */
  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override protected RecordComponent[] computeValue(Class<?> type) {
      return type.getRecordComponents();
    }
  };

  private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
    @Override protected MethodHandle computeValue(Class<?> type) {
      RecordComponent[] comps = type.getRecordComponents();
      Class<?>[] params = new Class<?>[comps.length];
      for (int i = 0; i < comps.length; i++) {
        params[i] = comps[i].getType();
      }
      try {
        return MethodHandles.publicLookup()
            .findConstructor(type, MethodType.methodType(void.class, params))
            .asSpreader(Object[].class, params.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new MappingException("Record " + type.getName() + " needs a public canonical constructor", e);
      }
    }
  };

  /** The canonical constructor of record {@code type}, {@code (Object[]) -> Object}, made once per class. */
  static MethodHandle constructorOf(Class<?> type) { return CONSTRUCTORS.get(type); }

  /** True when building a record runs {@code afterFetch} hooks: use {@link #buildHooked}, not {@link #build}. */
  boolean hooked() { return hooks != null; }

  /**
   * Builds the record as {@link #build} does, running the table's {@code afterFetch} hooks on each
   * row record it holds ({@code User user}) before the record is made, and on the record itself
   * when it is the row record.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Mono<Object> buildHooked(Object[] columnValues, Object[] extras) {
    TableHooks h = hooks;
    if (h == null) {
      return Mono.fromCallable(() -> build(columnValues, extras));
    }
    return Mono.defer(() -> {
      Object[] args = args(columnValues, extras);
      Mono<Object[]> ready = Mono.just(args);
      for (int i = 0; i < args.length; i++) {
        if (slots.get(i).kind() == Kind.ROW) {
          int at = i;
          ready = ready.flatMap(a -> ((Mono<Object>) h.afterFetch(a[at])).map(v -> {
            a[at] = v;
            return a;
          }));
        }
      }
      Mono<Object> built = ready.map(a -> construct(constructor, type, a));
      return type == table.rowType() ? built.flatMap(r -> (Mono<Object>) h.afterFetch(r)) : built;
    });
  }

  /**
   * Builds the record from the selected column values and, for each relation or aggregate slot,
   * its value at the slot's position in {@code extras} (null when the shape has neither).
   */
  Object build(Object[] columnValues, Object[] extras) {
    return construct(constructor, type, args(columnValues, extras));
  }

  private Object[] args(Object[] columnValues, Object[] extras) {
    if (columnsInOrder && columnValues.length == slots.size()) {
      return columnValues;  // (a related query may read a key past the selected columns)
    }
    Object[] args = new Object[slots.size()];
    for (int i = 0; i < args.length; i++) {
      Slot s = slots.get(i);
      switch (s.kind()) {
        case COLUMN -> args[i] = columnValues[s.column()];
        case ROW -> args[i] = row(s, columnValues);
        default -> args[i] = extras[i];
      }
    }
    return args;
  }

  static Object construct(MethodHandle constructor, Class<?> type, Object[] args) {
    try {
      return (Object) constructor.invokeExact(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("Constructor of " + type.getName() + " failed", t);
    }
  }

  private static Object row(Slot s, Object[] columnValues) {
    Object[] values = new Object[s.row().length];
    for (int j = 0; j < values.length; j++) {
      values[j] = columnValues[s.row()[j]];
    }
    return s.mapping().newInstance(values);
  }

  /** The record's constructor, {@code (Object[]) -> Object}; one handle per record class. */
  MethodHandle constructor() { return constructor; }

  /** True when the shape needs more than its own row: relations or aggregates. */
  boolean needsMore() {
    for (Slot s : slots) {
      if (s.kind() == Kind.RELATION || s.kind() == Kind.AGGREGATE) {
        return true;
      }
    }
    return false;
  }

  private static Class<?> listElement(Class<?> owner, RecordComponent rc, Relation<?, ?> rel) {
    Type t = rc.getGenericType();
    if (rc.getType() == List.class && t instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    throw new MappingException("Record component " + owner.getSimpleName() + "." + rc.getName()
        + " holds the to-many relation " + rel.name() + ": declare it as List<SomeRecord>");
  }

  private static Class<?> box(Class<?> c) {
    return c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : c;
  }
}
