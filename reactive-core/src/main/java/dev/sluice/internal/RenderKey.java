package dev.sluice.internal;

import dev.sluice.sql.Param;
import dev.sluice.sql.Statement;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

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
      Function<Object, Object>[] components = accessors.get(r.getClass());
      if (components == null) {
        out.add(node);
        return;
      }
      out.add(r.getClass());
      for (Function<Object, Object> accessor : components) {
        walk(accessor.apply(r), out, accessors);
      }
    } else {
      out.add(node);
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
   * The component accessors of each record class of the syntax tree, looked up once per class as
   * functions made by {@link LambdaMetafactory} (a plain call, where {@code Method.invoke} cost a
   * reflective call per component per statement); null for a record of another package (a value,
   * kept whole).
   */
  static final class Accessors extends ClassValue<Function<Object, Object>[]> {
    private static final String SQL_PACKAGE = Statement.class.getPackageName();
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    @Override protected Function<Object, Object>[] computeValue(Class<?> type) {
      if (!type.getPackageName().equals(SQL_PACKAGE)) {
        return null;
      }
      RecordComponent[] components = type.getRecordComponents();
      @SuppressWarnings("unchecked")
      Function<Object, Object>[] accessors = new Function[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = function(type, components[i].getAccessor());
      }
      return accessors;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(Class<?> type, Method accessor) {
      try {
        MethodHandle target = LOOKUP.unreflect(accessor);
        Class<?> returns = MethodType.methodType(accessor.getReturnType()).wrap().returnType();
        CallSite site = LambdaMetafactory.metafactory(LOOKUP, "apply", MethodType.methodType(Function.class),
            MethodType.methodType(Object.class, Object.class), target, MethodType.methodType(returns, type));
        return (Function<Object, Object>) site.getTarget().invokeExact();
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot read " + accessor + " of a statement", e);
      }
    }
  }
}
