package dev.sluice.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small constructors of JSON Schema objects, kept as ordered maps so the output reads in a fixed order. */
final class Schemas {
  static final String REF_PREFIX = "#/components/schemas/";

  private Schemas() { }

  /** {@code {"type": type}}. */
  static Map<String, Object> type(String type) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", type);
    return s;
  }

  /** {@code {"type": type, "format": format}}. */
  static Map<String, Object> type(String type, String format) {
    Map<String, Object> s = type(type);
    s.put("format", format);
    return s;
  }

  /** {@code {"$ref": "#/components/schemas/<name>"}}. */
  static Map<String, Object> ref(String componentName) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("$ref", REF_PREFIX + componentName);
    return s;
  }

  /**
   * The schema that also admits null, in OpenAPI 3.1's way: {@code "null"} added to the type (and to
   * the {@code enum}), or {@code anyOf} the schema and {@code {"type": "null"}} where there is no
   * single type to extend (a {@code $ref}, a schema given by the user). The empty schema admits null
   * already.
   */
  static Map<String, Object> nullable(Map<String, Object> schema) {
    if (schema.isEmpty()) {
      return schema;
    }
    Object type = schema.get("type");
    if (type instanceof String t && !schema.containsKey("$ref")) {
      Map<String, Object> s = new LinkedHashMap<>();
      schema.forEach((k, v) -> s.put(k, k.equals("type") ? List.of(t, "null") : v));
      if (s.get("enum") instanceof List<?> values && values.stream().noneMatch(java.util.Objects::isNull)) {
        List<Object> withNull = new ArrayList<>(values);
        withNull.add(null);
        s.put("enum", withNull);
      }
      return s;
    }
    if (type instanceof List<?> types && types.contains("null")
        || schema.get("anyOf") instanceof List<?> any && any.contains(type("null"))) {
      return schema;
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("anyOf", List.of(schema, type("null")));
    return s;
  }

  /** A deep copy of a schema given by the user, so the output never shares their maps. */
  @SuppressWarnings("unchecked")
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }
}
