package dev.sluice.examples.netty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out, with one shared, immutable-after-construction mapper. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code body} as a {@code type}; a body that is not such JSON is {@link BadRequest}. */
  static <T> T read(String body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new BadRequest("body", "is not a JSON " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  static String problem(int status, String title, String detail) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("status", status);
    p.put("title", title);
    p.put("detail", detail);
    return write(p);
  }
}
