package dev.sluice.internal;

import dev.sluice.sql.Param;
import dev.sluice.sql.Statement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of a statement: everything its SQL text depends on, and none of its bound values. Two
 * statements that differ only in the values of their {@link Param}s have equal keys, so they share
 * one cached rendering; {@code Param} itself keeps value equality.
 *
 * <p>The key is the statement's tree flattened in pre-order: each node of the syntax tree (a record
 * of {@code dev.sluice.sql}) as its class followed by its components, each list as its size followed
 * by its elements, each {@code Param} as its class and its {@code DataType} only, and every other
 * value (a column, a table, a type, an operator, the text of raw SQL) as itself. The arity of each
 * record class is fixed, so the flat form is unambiguous.
 */
final class RenderKey {
  private final Object[] shape;
  private final int hash;

  private RenderKey(Object[] shape) {
    this.shape = shape;
    this.hash = Arrays.hashCode(shape);
  }

  /** The key of {@code statement}, reading record components through {@code accessors}. */
  static RenderKey of(Statement statement, Accessors accessors) {
    List<Object> out = new ArrayList<>(32);
    walk(statement, out, accessors);
    return new RenderKey(out.toArray());
  }

  private static void walk(Object node, List<Object> out, Accessors accessors) {
    if (node instanceof Param<?> p) {
      out.add(Param.class);
      out.add(p.type());
    } else if (node instanceof List<?> list) {
      out.add(new ListSize(list.size()));
      for (Object element : list) {
        walk(element, out, accessors);
      }
    } else if (node instanceof Record r && r.getClass().getPackageName().equals(SQL_PACKAGE)) {
      out.add(r.getClass());
      for (Method accessor : accessors.get(r.getClass())) {
        walk(read(accessor, r), out, accessors);
      }
    } else {
      out.add(node);
    }
  }

  private static final String SQL_PACKAGE = Statement.class.getPackageName();

  private static Object read(Method accessor, Record r) {
    try {
      return accessor.invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + accessor + " of a statement", e);
    }
  }

  @Override public boolean equals(Object o) {
    return o instanceof RenderKey k && k.hash == hash && Arrays.equals(k.shape, shape);
  }

  @Override public int hashCode() { return hash; }

  @Override public String toString() { return "RenderKey" + Arrays.toString(shape); }

  /** A list's length in the flat form (so two lists' elements cannot run into each other). */
  private record ListSize(int size) {}

  /** The component accessors of each record class of the syntax tree, looked up once per class. */
  static final class Accessors extends ClassValue<Method[]> {
    @Override protected Method[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
      }
      return accessors;
    }
  }
}
