package dev.sluice.migrations.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's {@code --json} output: one JSON object per command on one line of standard output
 * ({@code {"applied": [...], "warnings": []}}), keys in a fixed order, so tools can read it line by line.
 */
final class Json {
  private static final ObjectWriter WRITER;

  static {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEntrySpacing(Separators.Spacing.AFTER)
        .withArrayValueSpacing(Separators.Spacing.AFTER)
        .withArrayEmptySeparator("")
        .withObjectEmptySeparator(""))
        .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
        .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());
    WRITER = new ObjectMapper().writer(printer);
  }

  private Json() { }

  /** An object to fill in order: {@code Json.object().put("ok", true).put("found", list)}. */
  static Obj object() {
    return new Obj();
  }

  static String string(String s) {
    return write(s);
  }

  static String strings(List<String> items) {
    return write(items);
  }

  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON object under construction. */
  static final class Obj {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Obj put(String key, Object value) {
      fields.put(key, value instanceof Obj o ? o.fields : value);
      return this;
    }

    Map<String, Object> fields() { return fields; }

    @Override public String toString() { return write(fields); }
  }
}
