package dev.sluice.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema of a Java enum: {@code {"type": "string", "enum": [...]}} with the values a plain
 * Jackson {@code ObjectMapper} writes for its constants (the names, unless {@code @JsonValue} or
 * {@code @JsonProperty} say otherwise; integers when {@code @JsonValue} gives integers), or with
 * given labels.
 */
final class EnumSchemas {
  private final ObjectMapper mapper;

  EnumSchemas(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The schema of the values Jackson writes for {@code type}'s constants. */
  Map<String, Object> jackson(Class<?> type, String where) {
    List<Object> values = new ArrayList<>();
    boolean strings = true;
    boolean integers = true;
    for (Object constant : type.getEnumConstants()) {
      JsonNode node;
      try {
        node = mapper.valueToTree(constant);
      } catch (IllegalArgumentException e) {
        throw new OpenApiException("Cannot describe " + where + ": Jackson cannot write the constant "
            + constant + " of enum " + type.getName(), e);
      }
      strings &= node.isTextual();
      integers &= node.isIntegralNumber();
      values.add(node.isTextual() ? node.textValue() : node.isIntegralNumber() ? node.numberValue() : node);
    }
    if (!strings && !integers) {
      throw new OpenApiException("Cannot describe " + where + ": Jackson writes the constants of enum "
          + type.getName() + " as " + values + ", neither all strings nor all integers");
    }
    return labels(strings ? "string" : "integer", values);
  }

  /** {@code {"type": type, "enum": values}}. */
  static Map<String, Object> labels(String type, List<?> values) {
    Map<String, Object> s = Schemas.type(type);
    s.put("enum", List.copyOf(values));
    return s;
  }
}
