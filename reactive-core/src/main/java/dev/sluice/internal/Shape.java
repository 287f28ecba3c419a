package dev.sluice.internal;

import dev.sluice.error.MappingException;
import dev.sluice.schema.Column;
import dev.sluice.schema.Relation;
import dev.sluice.schema.Table;
import dev.sluice.schema.TableMeta;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * How a result record is built from a table's columns and loaded relations: component
 * {@code name} ↔ the column in field {@code name}, component {@code posts} ↔ relation {@code posts}
 * ({@code List<Y>} for to-many, {@code Y} for to-one, Y itself a shape over the related table).
 * Built and checked once per query, before anything runs.
 */
final class Shape {
  /** One constructor argument: a column's value (index into the table's columns) or a relation. */
  record Slot(int column, Relation<?, ?> relation, Shape child) {}

  final Class<?> type;
  final Table<?> table;
  final List<Slot> slots;
  final List<Relation<?, ?>> relations;
  private final MethodHandle constructor;

  private Shape(Class<?> type, Table<?> table, List<Slot> slots, List<Relation<?, ?>> relations,
      MethodHandle constructor) {
    this.type = type;
    this.table = table;
    this.slots = slots;
    this.relations = relations;
    this.constructor = constructor;
  }

  static Shape of(Class<?> type, Table<?> table, List<Relation<?, ?>> relations) {
    if (!type.isRecord()) {
      throw new MappingException(type.getName() + " is not a record; results with relations map to records");
    }
    TableMeta<?> meta = table.meta();
    List<Column<?>> columns = table.columns();
    List<Slot> slots = new ArrayList<>();
    RecordComponent[] comps = type.getRecordComponents();
    for (int i = 0; i < comps.length; i++) {
      RecordComponent rc = comps[i];
      Relation<?, ?> rel = relations.stream().filter(r -> r.name().equals(rc.getName())).findFirst().orElse(null);
      if (rel != null) {
        Class<?> childType = rel.single() ? rc.getType() : listElement(type, rc, rel);
        slots.add(new Slot(-1, rel, of(childType, rel.target(), rel.nested())));
        continue;
      }
      Column<?> col = meta.columnForProperty(rc.getName());
      if (col == null) {
        throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
            + " matches no column of table " + table.name() + " and no relation loaded with with(...)");
      }
      if (!box(rc.getType()).equals(col.dataType().javaType())) {
        throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
            + " has type " + rc.getType().getSimpleName() + " but column " + col + " holds "
            + col.dataType().javaType().getSimpleName());
      }
      slots.add(new Slot(columns.indexOf(col), null, null));
    }
    for (Relation<?, ?> r : relations) {
      if (slots.stream().noneMatch(s -> s.relation() == r)) {
        throw new MappingException("Relation " + r.name() + " is loaded but record " + type.getSimpleName()
            + " has no component named " + r.name());
      }
    }
    return new Shape(type, table, List.copyOf(slots), List.copyOf(relations), CONSTRUCTORS.get(type));
  }

  /**
   * The canonical constructor of each record class, as {@code (Object[]) -> Object}, made once per
   * class. A method handle is customized (compiled for that very instance) after ~127 calls, so a
   * handle made afresh for every query would be customized, and its code generated and compiled,
   * again on every query.
   */
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

  /** Builds the record from the table's column values and each relation's loaded value. */
  Object build(Object[] columnValues, Object[] relationValues) {
    Object[] args = new Object[slots.size()];
    int r = 0;
    for (int i = 0; i < args.length; i++) {
      Slot s = slots.get(i);
      args[i] = s.relation() == null ? columnValues[s.column()] : relationValues[r++];
    }
    try {
      return (Object) constructor.invokeExact(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("Constructor of " + type.getName() + " failed", t);
    }
  }

  /** The record's constructor, {@code (Object[]) -> Object}; one handle per record class. */
  MethodHandle constructor() { return constructor; }

  /** The relations in slot order (the order {@link #build} expects their values). */
  List<Slot> relationSlots() {
    return slots.stream().filter(s -> s.relation() != null).toList();
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
