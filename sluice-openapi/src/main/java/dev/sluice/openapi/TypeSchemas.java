package dev.sluice.openapi;

import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The schema of a Java type as Jackson writes it (with its {@code JavaTimeModule} and dates as ISO
 * text, as Spring Boot configures it): numbers, text, booleans, {@code java.time}, UUIDs, byte arrays
 * (base64), enums, records (a {@code $ref} to their own component), arrays and collections, maps with
 * text keys, and the types the user mapped. Anything else is an {@link OpenApiException} naming
 * where it was met.
 */
final class TypeSchemas {
  private final Components components;

  TypeSchemas(Components components) {
    this.components = components;
  }

  /**
   * The schema of {@code type} (never admitting null: the caller decides that). {@code annotated}
   * is the same type with its type-use annotations, or null; {@code where} names the place for errors.
   */
  Map<String, Object> describe(Type type, AnnotatedType annotated, String where) {
    if (type instanceof Class<?> k) {
      return ofClass(k, annotated, where);
    }
    if (type instanceof ParameterizedType p) {
      return ofParameterized(p, annotated, where);
    }
    if (type instanceof GenericArrayType g) {
      AnnotatedType item = annotated instanceof AnnotatedArrayType a ? a.getAnnotatedGenericComponentType() : null;
      return array(g.getGenericComponentType(), item, false, where);
    }
    if (type instanceof WildcardType w) {
      Type[] upper = w.getUpperBounds();
      return upper.length == 1 ? describe(upper[0], null, where) : Schemas.type("object");
    }
    if (type instanceof TypeVariable<?> v) {
      throw new OpenApiException("Cannot describe " + where + ": its type is the type variable " + v.getName()
          + " of " + v.getGenericDeclaration() + "; describe records whose components have concrete types");
    }
    throw new OpenApiException("Cannot describe " + where + " of type " + type.getTypeName());
  }

  private Map<String, Object> ofClass(Class<?> k, AnnotatedType annotated, String where) {
    Map<String, Object> mapped = components.mapping(k);
    if (mapped != null) {
      return mapped;
    }
    Map<String, Object> known = known(k);
    if (known != null) {
      return known;
    }
    if (k.isEnum()) {
      return components.enums().jackson(k, where);
    }
    if (k.isRecord()) {
      return Schemas.ref(components.nameOf(k));
    }
    if (k.isArray()) {
      AnnotatedType item = annotated instanceof AnnotatedArrayType a ? a.getAnnotatedGenericComponentType() : null;
      return array(k.getComponentType(), item, false, where);
    }
    if (k == OptionalInt.class || k == OptionalLong.class) {
      return Schemas.nullable(Schemas.type("integer", k == OptionalInt.class ? "int32" : "int64"));
    }
    if (k == OptionalDouble.class) {
      return Schemas.nullable(Schemas.type("number", "double"));
    }
    if (k == Object.class) {
      return new java.util.LinkedHashMap<>();
    }
    throw new OpenApiException("Cannot describe " + where + " of type " + k.getName()
        + ": not a record, an enum, a collection or a known value type; give its schema with"
        + " OpenApiSchemas.mapping(" + k.getSimpleName() + ".class, schema)");
  }

  private Map<String, Object> ofParameterized(ParameterizedType p, AnnotatedType annotated, String where) {
    Class<?> raw = (Class<?>) p.getRawType();
    Type[] args = p.getActualTypeArguments();
    AnnotatedType[] annotatedArgs = annotated instanceof AnnotatedParameterizedType ap
        ? ap.getAnnotatedActualTypeArguments() : new AnnotatedType[args.length];
    if (raw == Optional.class) {
      return Schemas.nullable(describe(args[0], annotatedArgs[0], where));
    }
    if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
      return array(args[0], annotatedArgs[0], Set.class.isAssignableFrom(raw), where);
    }
    if (Map.class.isAssignableFrom(raw) && args.length == 2) {
      Map<String, Object> s = Schemas.type("object");
      s.put("additionalProperties", element(args[1], annotatedArgs[1], where + " (map value)"));
      return s;
    }
    if (raw.isRecord()) {
      throw new OpenApiException("Cannot describe " + where + " of type " + p.getTypeName()
          + ": a generic record has no single schema; describe a record whose components have concrete types");
    }
    return ofClass(raw, annotated, where);
  }

  private Map<String, Object> array(Type item, AnnotatedType annotatedItem, boolean unique, String where) {
    if (item == byte.class) {
      return bytes();
    }
    Map<String, Object> s = Schemas.type("array");
    s.put("items", element(item, annotatedItem, where + " (element)"));
    if (unique) {
      s.put("uniqueItems", Boolean.TRUE);
    }
    return s;
  }

  private Map<String, Object> element(Type type, AnnotatedType annotated, String where) {
    Map<String, Object> s = describe(type, annotated, where);
    return Nullness.nullableElement(annotated) ? Schemas.nullable(s) : s;
  }

  /** Binary data as Jackson writes it: base64 text. */
  static Map<String, Object> bytes() {
    Map<String, Object> s = Schemas.type("string", "byte");
    s.put("contentEncoding", "base64");
    return s;
  }

  /** An integer bounded as a Java {@code byte} or {@code short} (or SQL smallint). */
  static Map<String, Object> boundedInteger(String format, long min, long max) {
    Map<String, Object> s = Schemas.type("integer", format);
    s.put("minimum", min);
    s.put("maximum", max);
    return s;
  }

  private static Map<String, Object> known(Class<?> k) {
    if (k == String.class) {
      return Schemas.type("string");
    }
    if (k == boolean.class || k == Boolean.class) {
      return Schemas.type("boolean");
    }
    if (k == int.class || k == Integer.class) {
      return Schemas.type("integer", "int32");
    }
    if (k == long.class || k == Long.class) {
      return Schemas.type("integer", "int64");
    }
    if (k == short.class || k == Short.class) {
      return boundedInteger("int16", Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (k == byte.class || k == Byte.class) {
      return boundedInteger("int8", Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    if (k == float.class || k == Float.class) {
      return Schemas.type("number", "float");
    }
    if (k == double.class || k == Double.class) {
      return Schemas.type("number", "double");
    }
    if (k == char.class || k == Character.class) {
      Map<String, Object> s = Schemas.type("string", "char");
      s.put("minLength", 1);
      s.put("maxLength", 1);
      return s;
    }
    if (k == BigDecimal.class) {
      return Schemas.type("number", "decimal");
    }
    if (k == BigInteger.class) {
      return Schemas.type("integer");
    }
    if (k == byte[].class) {
      return bytes();
    }
    return knownText(k);
  }

  private static Map<String, Object> knownText(Class<?> k) {
    String format = null;
    if (k == LocalDate.class) {
      format = "date";
    } else if (k == LocalTime.class) {
      format = "time-local";
    } else if (k == LocalDateTime.class) {
      format = "date-time-local";
    } else if (k == OffsetDateTime.class || k == ZonedDateTime.class || k == Instant.class) {
      format = "date-time";
    } else if (k == OffsetTime.class) {
      format = "time";
    } else if (k == Duration.class || k == Period.class) {
      format = "duration";
    } else if (k == UUID.class) {
      format = "uuid";
    } else if (k == URI.class || k == URL.class) {
      format = "uri";
    }
    return format == null ? null : Schemas.type("string", format);
  }
}
