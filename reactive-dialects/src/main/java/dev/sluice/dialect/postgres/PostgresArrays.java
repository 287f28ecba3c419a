package dev.sluice.dialect.postgres;

import dev.sluice.schema.DataType;
import dev.sluice.spi.StandardDialect;
import dev.sluice.sql.Expr;
import dev.sluice.sql.InsertQuery;
import dev.sluice.sql.Param;
import java.lang.reflect.Array;
import java.util.List;

/** Bound values gathered into one typed array bind ({@code unnest}, {@code = ANY}). */
final class PostgresArrays {
  private PostgresArrays() {}

  /** The driver values of {@code params}, as one array of {@code type}'s driver type. */
  static Object array(DataType<?> type, List<? extends Expr<?>> params) {
    Object array = Array.newInstance(type.driverType(), params.size());
    if (array instanceof Object[] refs) {
      // a plain store (checked against the element type) instead of a reflective call per element
      for (int i = 0; i < refs.length; i++) {
        refs[i] = driverValue((Param<?>) params.get(i));
      }
      return array;
    }
    for (int i = 0; i < params.size(); i++) {
      Array.set(array, i, driverValue((Param<?>) params.get(i)));
    }
    return array;
  }

  /** The driver values of column {@code c} of every row, as one array. */
  static Object column(InsertQuery node, int c) {
    DataType<?> type = node.columns().get(c).dataType();
    Object array = Array.newInstance(type.driverType(), node.rows().size());
    if (array instanceof Object[] refs) {
      for (int r = 0; r < refs.length; r++) {
        refs[r] = driverValue((Param<?>) node.rows().get(r).get(c));
      }
      return array;
    }
    for (int r = 0; r < node.rows().size(); r++) {
      Array.set(array, r, driverValue((Param<?>) node.rows().get(r).get(c)));
    }
    return array;
  }

  /**
   * The array type values are bound as. Strings go as {@code text[]}, never {@code varchar(n)[]}:
   * an explicit cast to {@code varchar(n)} silently truncates, while assigning text to a
   * {@code varchar(n)} column fails on a value too long, as a single-row insert does.
   */
  static String typeName(StandardDialect dialect, DataType<?> type) {
    return switch (type.kind()) {
      case VARCHAR, CHAR, TEXT -> "text[]";
      default -> dialect.typeName(type) + "[]";
    };
  }

  static boolean allParams(List<? extends Expr<?>> values) {
    for (Expr<?> v : values) {
      if (!(v instanceof Param<?>)) {
        return false;
      }
    }
    return true;
  }

  /** Whether values of {@code type} bind safely as a typed array (unnest, ANY). */
  static boolean arrayable(DataType<?> type) {
    return switch (type.kind()) {
      case ENUM, JSON, JSONB, BYTES, CUSTOM, TIME -> false;
      default -> type.codec() == null || type.driverType() == type.javaType();
    };
  }

  /** Whether every column binds as an array and every cell is a bound value. */
  static boolean unnestable(InsertQuery node) {
    for (int c = 0; c < node.columns().size(); c++) {
      if (!arrayable(node.columns().get(c).dataType())) {
        return false;
      }
    }
    for (List<Expr<?>> row : node.rows()) {
      if (!allParams(row)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static <T> Object driverValue(Param<T> p) {
    return p.type().toDriver(p.value());
  }
}
