package dev.sluice.internal;

import dev.sluice.sql.Param;
import dev.sluice.sql.Statement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of a statement: everything its SQL text depends on, and none of its bound values. Two
 * statements that differ only in the values of their {@link Param}s have equal keys, so they share
 * one cached rendering; {@code Param} itself keeps value equality.
 *
 * <p>The key is the statement's tree flattened in pre-order: each node of the syntax tree (a record
 * of {@code dev.sluice.sql}) as its class followed by its components, each list as its size (an {@code Integer}: no component of
 * a syntax-tree record is typed so that it could hold both a list and a number) followed by its
 * elements, each {@code Param} as its class and its {@code DataType} only, and every other
 * value (a column, a table, a type, an operator, the text of raw SQL) as itself. The arity of each
 * record class is fixed, so the flat form is unambiguous.
 */
final class RenderKey {
  private final Object[] shape;
  private final int length;
  private final int hash;

  private RenderKey(Object[] shape, int length) {
    this.shape = shape;
    this.length = length;
    int h = 1;
    for (int i = 0; i < length; i++) {
      Object o = shape[i];
      h = 31 * h + (o == null ? 0 : o.hashCode());
    }
    this.hash = h;
  }

  /** The key of {@code statement}, reading record components through {@code accessors}. */
  static RenderKey of(Statement statement, Accessors accessors) {
    Flat out = new Flat();
    walk(statement, out, accessors);
    return new RenderKey(out.items, out.size);
  }

  private static void walk(Object node, Flat out, Accessors accessors) {
    if (node instanceof Param<?> p) {
      out.add(Param.class);
      out.add(p.type());
    } else if (node instanceof List<?> list) {
      out.add(list.size());
      for (int i = 0, n = list.size(); i < n; i++) {
        walk(list.get(i), out, accessors);
      }
    } else if (node instanceof Record r) {
      Method[] components = accessors.get(r.getClass());
      if (components == null) {
        out.add(node);
        return;
      }
      out.add(r.getClass());
      for (Method accessor : components) {
        walk(read(accessor, r), out, accessors);
      }
    } else {
      out.add(node);
    }
  }

  private static Object read(Method accessor, Record r) {
    try {
      return accessor.invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + accessor + " of a statement", e);
    }
  }

  @Override public boolean equals(Object o) {
    return o instanceof RenderKey k && k.hash == hash && k.length == length
        && Arrays.equals(k.shape, 0, length, shape, 0, length);
  }

  @Override public int hashCode() { return hash; }

  @Override public String toString() { return "RenderKey" + Arrays.toString(Arrays.copyOf(shape, length)); }

  /** The flat form being built: a growing array, kept as is by the key (no copy). */
  private static final class Flat {
    Object[] items = new Object[48];
    int size;

    void add(Object o) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = o;
    }
  }

  /**
   * The component accessors of each record class of the syntax tree, looked up once per class; null
   * for a record of another package (a value, kept whole).
   */
  static final class Accessors extends ClassValue<Method[]> {
    private static final String SQL_PACKAGE = Statement.class.getPackageName();

    @Override protected Method[] computeValue(Class<?> type) {
      if (!type.getPackageName().equals(SQL_PACKAGE)) {
        return null;
      }
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
      }
      return accessors;
    }
  }
}
