package dev.sluice.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object schema of a record: one property per component, named as the component (as Jackson
 * names it), {@code required} for the components that are never null (see {@link Nullness}), and
 * the descriptions of {@link Description}.
 *
 * <pre>{@code
 * record Page(@Description("The users") List<User> users, int total, String next) {}
 * // {"type": "object",
 * //  "properties": {"users": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/User"},
 * //                           "description": "The users"},
 * //                 "total": {"type": "integer", "format": "int32"},
 * //                 "next": {"type": ["string", "null"]}},
 * //  "required": ["total"]}
 * }</pre>
 */
final class RecordSchemas {
  private final TypeSchemas types;

  RecordSchemas(TypeSchemas types) {
    this.types = types;
  }

  Map<String, Object> describe(Class<?> record) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      String where = record.getSimpleName() + "." + c.getName();
      Map<String, Object> s = types.describe(c.getGenericType(), c.getAnnotatedType(), where);
      if (Nullness.nullable(c)) {
        s = Schemas.nullable(s);
      } else {
        required.add(c.getName());
      }
      Description d = c.getAnnotation(Description.class);
      if (d != null) {
        s.put("description", d.value());
      }
      properties.put(c.getName(), s);
    }
    return object(record, properties, required);
  }

  /** {@code {"type": "object", "description": ..., "properties": ..., "required": ...}}. */
  static Map<String, Object> object(Class<?> type, Map<String, Object> properties, List<String> required) {
    Map<String, Object> s = Schemas.type("object");
    Description d = type.getAnnotation(Description.class);
    if (d != null) {
      s.put("description", d.value());
    }
    s.put("properties", properties);
    if (!required.isEmpty()) {
      s.put("required", List.copyOf(required));
    }
    return s;
  }
}
