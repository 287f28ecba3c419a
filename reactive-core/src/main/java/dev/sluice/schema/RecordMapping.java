package dev.sluice.schema;

import dev.sluice.error.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * How a Java record maps to the columns of a table: component {@code countryId} ↔ the column
 * declared in field {@code countryId}. Built and checked once, when the table is first used.
 *
 * @param <R> the record type
 */
public final class RecordMapping<R> {
  private final Class<R> type;
  private final List<Column<?>> columns;
  private final MethodHandle constructor;
  private final MethodHandle[] accessors;
  private final boolean[] primitive;
  /** Whether any component is primitive: only then is a row's null checked for, per component. */
  private final boolean anyPrimitive;

  private RecordMapping(Class<R> type, List<Column<?>> columns, MethodHandle constructor,
      MethodHandle[] accessors, boolean[] primitive) {
    this.type = type;
    this.columns = List.copyOf(columns);
    this.constructor = constructor;
    this.accessors = accessors;
    this.primitive = primitive;
    boolean any = false;
    for (boolean p : primitive) {
      any |= p;
    }
    this.anyPrimitive = any;
  }

  /**
   * Maps {@code type}'s components to {@code table}'s columns.
   *
   * @throws MappingException naming the component and the table when a component matches no column
   *     or has another type than its column
   */
  public static <R> RecordMapping<R> of(Table<?> table, Class<R> type) {
    if (!type.isRecord()) {
      throw new MappingException(type.getName() + " is not a record; rows of table " + table.name()
          + " map to records");
    }
    TableMeta<?> meta = table.meta();
    RecordComponent[] comps = type.getRecordComponents();
    List<Column<?>> cols = new ArrayList<>(comps.length);
    Class<?>[] params = new Class<?>[comps.length];
    MethodHandle[] accessors = new MethodHandle[comps.length];
    boolean[] primitive = new boolean[comps.length];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      for (int i = 0; i < comps.length; i++) {
        RecordComponent rc = comps[i];
        Column<?> col = meta.columnForProperty(rc.getName());
        if (col == null) {
          throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
              + " matches no column of table " + table.name() + " (columns: "
              + meta.columns().stream().map(c -> meta.propertyOf(c)).toList() + ")");
        }
        Class<?> want = box(rc.getType());
        if (!want.equals(col.dataType().javaType())) {
          throw new MappingException("Record component " + type.getSimpleName() + "." + rc.getName()
              + " has type " + rc.getType().getSimpleName() + " but column " + table.name() + "."
              + col.name() + " holds " + col.dataType().javaType().getSimpleName());
        }
        cols.add(col);
        params[i] = rc.getType();
        primitive[i] = rc.getType().isPrimitive();
        accessors[i] = lookup.unreflect(rc.getAccessor())
            .asType(MethodType.methodType(Object.class, Object.class));
      }
      MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class, params))
          .asSpreader(Object[].class, comps.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return new RecordMapping<>(type, cols, ctor, accessors, primitive);
    } catch (IllegalAccessException | NoSuchMethodException e) {
      throw new MappingException("Record " + type.getName() + " must be public with a public "
          + "canonical constructor to map rows of table " + table.name(), e);
    }
  }

  public Class<R> type() { return type; }

  /** The column of each component, in component order. */
  public List<Column<?>> columns() { return columns; }

  /** Creates a record from values in component order (already converted to Java types). */
  public R newInstance(Object[] values) {
    for (int i = 0; anyPrimitive && i < primitive.length; i++) {
      if (primitive[i] && values[i] == null) {
        throw new MappingException("Column " + columns.get(i) + " is null but record component "
            + type.getSimpleName() + "." + columns.get(i).propertyName() + " is primitive");
      }
    }
    try {
      return type.cast((Object) constructor.invokeExact(values));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("Constructor of " + type.getName() + " failed", t);
    }
  }

  /** The value of component {@code i} of {@code record}. */
  public Object get(R record, int i) {
    try {
      return (Object) accessors[i].invokeExact((Object) record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("Accessor of " + type.getName() + " failed", t);
    }
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return MethodType.methodType(c).wrap().returnType();
  }
}
