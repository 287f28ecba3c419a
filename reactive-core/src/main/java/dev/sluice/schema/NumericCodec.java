package dev.sluice.schema;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads whatever number the driver returns (an aggregate may come back as int, bigint, numeric or
 * double depending on the database) and converts it to one Java type.
 *
 * @param <T> the Java number type
 */
public final class NumericCodec<T> implements Codec<T> {
  private final Class<T> target;

  private NumericCodec(Class<T> target) {
    this.target = target;
  }

  /** A data type of kind {@code kind} whose values are coerced to {@code target}. */
  public static <T> DataType<T> type(SqlKind kind, Class<T> target) {
    return new DataType<>(kind, target, 0, 0, 0, null, new NumericCodec<>(target));
  }

  @Override public Class<?> storedType() { return Object.class; }

  @Override public Object toDb(T value) { return value; }

  @Override public T fromDb(Object stored) {
    if (target.isInstance(stored)) {
      return target.cast(stored);
    }
    if (!(stored instanceof Number n)) {
      throw new dev.sluice.error.MappingException("Expected a number for " + target.getSimpleName()
          + " but the database returned " + stored.getClass().getName() + ": " + stored);
    }
    Object v;
    if (target == Long.class) {
      v = n.longValue();
    } else if (target == Integer.class) {
      v = n.intValue();
    } else if (target == Short.class) {
      v = n.shortValue();
    } else if (target == Double.class) {
      v = n.doubleValue();
    } else if (target == Float.class) {
      v = n.floatValue();
    } else if (target == BigDecimal.class) {
      v = n instanceof BigInteger b ? new BigDecimal(b)
          : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
          : new BigDecimal(n.toString());
    } else {
      throw new dev.sluice.error.MappingException("Cannot convert a number to " + target.getName());
    }
    return target.cast(v);
  }

  @Override public boolean equals(Object o) {
    return o instanceof NumericCodec<?> c && c.target == target;
  }

  @Override public int hashCode() { return target.hashCode(); }
}
