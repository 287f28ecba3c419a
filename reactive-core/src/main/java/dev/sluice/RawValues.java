package dev.sluice;

import dev.sluice.error.MappingException;
import dev.sluice.schema.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts the values of raw SQL rows, as the driver returned them, to the Java types asked for. */
final class RawValues {
  private RawValues() {}

  /** {@code value} as {@code type}: a cast, or a lossless number conversion; else a typed error. */
  static <T> T as(Object value, Class<T> type, String column) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    if (value instanceof Number n && Number.class.isAssignableFrom(type)) {
      try {
        return type.cast(number(n, type));
      } catch (ArithmeticException e) {
        throw new MappingException("Column " + column + " holds " + value + ", which does not fit a "
            + type.getSimpleName(), e);
      }
    }
    throw new MappingException("Column " + column + " holds a " + value.getClass().getSimpleName()
        + " (" + value + "), not a " + type.getSimpleName());
  }

  /** {@code value} as the column type's Java value, through its codec where it has one. */
  static <T> T convert(Object value, DataType<T> type) {
    if (value == null || type.javaType().isInstance(value) && type.codec() == null) {
      return type.javaType().cast(value);
    }
    if (value instanceof Number n && Number.class.isAssignableFrom(type.driverType())) {
      return type.fromDriver(number(n, type.driverType()));
    }
    return type.fromDriver(value);
  }

  private static Object number(Number n, Class<?> type) {
    BigDecimal d = n instanceof BigDecimal b ? b : n instanceof BigInteger i ? new BigDecimal(i)
        : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
        : BigDecimal.valueOf(n.longValue());
    if (type == Long.class) {
      return d.longValueExact();
    }
    if (type == Integer.class) {
      return d.intValueExact();
    }
    if (type == Short.class) {
      return d.shortValueExact();
    }
    if (type == BigDecimal.class) {
      return d;
    }
    if (type == Double.class) {
      return d.doubleValue();
    }
    if (type == Float.class) {
      return d.floatValue();
    }
    if (type == BigInteger.class) {
      return d.toBigIntegerExact();
    }
    throw new ArithmeticException("no conversion to " + type.getSimpleName());
  }
}
