package dev.sluice.redis.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sluice.error.MappingException;
import dev.sluice.redis.ValueCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** The built-in {@link ValueCodec}s. Not for users: reach them through {@code ValueCodec}'s factories. */
public final class Codecs {
  /**
   * Sluice's mapper: records, java.time as ISO text with its offset kept (not moved to UTC), unknown
   * properties ignored (fields may be added).
   */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public static final ValueCodec<String> STRING = new ValueCodec<>() {
    @Override public byte[] encode(String value) { return Utf8.bytes(value, "A String value"); }
    @Override public String decode(byte[] bytes) { return new String(bytes, StandardCharsets.UTF_8); }
    @Override public Class<String> type() { return String.class; }
    @Override public String toString() { return "String"; }
  };
  public static final ValueCodec<Long> LONG = text(Long.class, String::valueOf, Long::valueOf);
  public static final ValueCodec<Integer> INTEGER = text(Integer.class, String::valueOf, Integer::valueOf);
  public static final ValueCodec<Double> DOUBLE = text(Double.class, Codecs::doubleText, Codecs::parseDouble);
  public static final ValueCodec<byte[]> BYTES = new ValueCodec<>() {
    @Override public byte[] encode(byte[] value) { return value; }
    @Override public byte[] decode(byte[] bytes) { return bytes; }
    @Override public Class<byte[]> type() { return byte[].class; }
    @Override public String toString() { return "bytes"; }
  };

  private Codecs() {}

  @SuppressWarnings("unchecked")
  public static <V> ValueCodec<V> forType(Class<V> type) {
    if (type == String.class) return (ValueCodec<V>) STRING;
    if (type == Long.class || type == long.class) return (ValueCodec<V>) LONG;
    if (type == Integer.class || type == int.class) return (ValueCodec<V>) INTEGER;
    if (type == Double.class || type == double.class) return (ValueCodec<V>) DOUBLE;
    if (type == byte[].class) return (ValueCodec<V>) BYTES;
    return json(type, MAPPER);
  }

  public static <V> ValueCodec<V> json(Class<V> type, ObjectMapper mapper) {
    return new ValueCodec<>() {
      /** As text first, so that a lone surrogate in a string (which UTF-8 would change) is refused. */
      @Override public byte[] encode(V value) {
        try {
          String json = mapper.writeValueAsString(value);
          int bad = Utf8.loneSurrogate(json);
          if (bad >= 0) {
            throw Utf8.refusal("The JSON of a " + type.getSimpleName(), json, bad);
          }
          return json.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new MappingException("Cannot write " + type.getName() + " as JSON: " + e.getMessage(), e);
        }
      }

      @Override public V decode(byte[] bytes) {
        try {
          return mapper.readValue(bytes, type);
        } catch (IOException e) {
          throw new MappingException("Cannot read " + type.getName() + " from the stored JSON "
              + preview(bytes) + ": " + e.getMessage(), e);
        }
      }

      @Override public Class<V> type() { return type; }
      @Override public String toString() { return "json(" + type.getSimpleName() + ")"; }
    };
  }

  private static <V> ValueCodec<V> text(Class<V> type, Function<V, String> write, Function<String, V> read) {
    return new ValueCodec<>() {
      @Override public byte[] encode(V value) { return write.apply(value).getBytes(StandardCharsets.UTF_8); }

      @Override public V decode(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        try {
          return read.apply(s);
        } catch (RuntimeException e) {
          throw new MappingException("Cannot read " + type.getSimpleName() + " from the stored value " + preview(bytes), e);
        }
      }

      @Override public Class<V> type() { return type; }
      @Override public String toString() { return type.getSimpleName(); }
    };
  }

  private static String doubleText(Double d) {
    if (d.isNaN()) {
      throw new MappingException("Redis cannot store NaN as a number");
    }
    return d == Double.POSITIVE_INFINITY ? "inf" : d == Double.NEGATIVE_INFINITY ? "-inf" : d.toString();
  }

  private static Double parseDouble(String s) {
    return switch (s) {
      case "inf", "+inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.valueOf(s);
    };
  }

  /** At most 60 characters of stored bytes, for messages. */
  public static String preview(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return '"' + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + '"';
  }
}
