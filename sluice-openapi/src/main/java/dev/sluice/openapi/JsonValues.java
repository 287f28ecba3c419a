package dev.sluice.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Base64;
import java.util.UUID;

/**
 * A Java value as JSON writes it, for a schema's {@code default}: numbers, booleans and text as they
 * are, {@code java.time} values as ISO text (seconds always written), UUIDs as text, bytes as base64,
 * and anything else (a record) as a plain {@code ObjectMapper} converts it. Null when it has no JSON
 * form (a NaN, or a value Jackson cannot write), so no {@code default} is claimed.
 */
final class JsonValues {
  private final ObjectMapper mapper;

  JsonValues(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Object of(Object value) {
    if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
      return null;
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (value instanceof UUID) {
      return value.toString();
    }
    if (value instanceof Temporal t) {
      return iso(t);
    }
    try {
      return mapper.convertValue(value, Object.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String iso(Temporal t) {
    if (t instanceof LocalTime x) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(x);
    }
    if (t instanceof LocalDateTime x) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(x);
    }
    if (t instanceof OffsetDateTime x) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(x);
    }
    if (t instanceof OffsetTime x) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format(x);
    }
    return t.toString();
  }
}
