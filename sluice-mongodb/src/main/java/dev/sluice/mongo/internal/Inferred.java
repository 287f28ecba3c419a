package dev.sluice.mongo.internal;

import dev.sluice.error.MappingException;
import dev.sluice.mongo.ValueType;
import dev.sluice.mongo.ValueTypes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;

/** The value type of a Java type with no declared field (a projection's or an aggregation's record). */
final class Inferred {
  private Inferred() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static ValueType<?> valueType(Type type, String where) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return ValueTypes.listOf(valueType(p.getActualTypeArguments()[0], where + "[]"));
    }
    if (!(type instanceof Class<?> raw)) {
      throw new MappingException(where + " has type " + type + ", which has no BSON mapping");
    }
    Class<?> c = RecordCodec.box(raw);
    if (c == String.class) {
      return ValueTypes.STRING;
    } else if (c == Integer.class) {
      return ValueTypes.INT32;
    } else if (c == Long.class) {
      return ValueTypes.INT64;
    } else if (c == Double.class) {
      return ValueTypes.DOUBLE;
    } else if (c == Boolean.class) {
      return ValueTypes.BOOLEAN;
    } else if (c == BigDecimal.class) {
      return ValueTypes.DECIMAL;
    } else if (c == Instant.class) {
      return ValueTypes.INSTANT;
    } else if (c == UUID.class) {
      return ValueTypes.UUID_TYPE;
    } else if (c == ObjectId.class) {
      return ValueTypes.OBJECT_ID;
    } else if (c.isEnum()) {
      return ValueTypes.enumOf((Class) c);
    } else if (c.isRecord()) {
      return RecordCodec.projection(c, List.of(), "record " + c.getSimpleName());
    }
    throw new MappingException(where + " has type " + c.getName() + ", which has no BSON mapping"
        + " (declare it with a ValueType)");
  }
}
