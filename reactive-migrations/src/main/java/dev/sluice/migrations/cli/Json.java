package dev.sluice.migrations.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** JSON strings for the CLI's {@code --json} output. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() { }

  static String string(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String strings(List<String> items) {
    try {
      return MAPPER.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
