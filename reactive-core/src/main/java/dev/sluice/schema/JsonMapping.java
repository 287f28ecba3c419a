package dev.sluice.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sluice.error.MappingException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * How typed JSON columns ({@code json(name, Item.class)}) turn values into JSON text and back: a
 * Jackson {@code ObjectMapper} (jackson-databind is an optional dependency of Sluice; add it to use
 * typed JSON columns). {@link #defaults()} keeps numbers exact (floats read as {@code BigDecimal}),
 * writes {@code Instant}s and other {@code java.time} values as ISO-8601 strings and fails on
 * unknown properties. Give your own to the builder:
 *
 * <pre>{@code
 * Database db = Database.builder().url(url).jsonMapping(JsonMapping.of(myObjectMapper)).build();
 * }</pre>
 *
 * A value the mapper cannot write or read fails with a {@link MappingException} naming the column.
 * The mapper must not be reconfigured after it is handed over.
 */
public final class JsonMapping {
  private final ObjectMapper mapper;

  private JsonMapping(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** A mapping through {@code mapper}. */
  public static JsonMapping of(ObjectMapper mapper) {
    return new JsonMapping(mapper);
  }

  /** Sluice's default mapping (one shared instance; it is never reconfigured). */
  public static JsonMapping defaults() {
    return Defaults.INSTANCE;
  }

  /** A new {@code ObjectMapper} configured as Sluice's default, to adapt and hand to {@link #of}. */
  public static ObjectMapper defaultMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  /** Writes {@code value} (of Java type {@code type}) as JSON text for {@code column}. */
  public String write(Object value, Type type, String column) {
    try {
      return mapper.writerFor(javaType(type)).writeValueAsString(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MappingException("Column " + column + " cannot hold the value as JSON " + type.getTypeName()
          + ": " + message(e), e);
    }
  }

  /** Reads the JSON text {@code json} of {@code column} as {@code type}. */
  public Object read(String json, Type type, String column) {
    try {
      return mapper.readerFor(javaType(type)).readValue(json);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MappingException("Column " + column + " holds JSON that does not read as " + type.getTypeName()
          + ": " + message(e), e);
    } catch (java.io.IOException e) {
      throw new MappingException("Column " + column + " holds unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static String message(Exception e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  private JavaType javaType(Type type) {
    return mapper.getTypeFactory().constructType(type);
  }

  private static final class Defaults {
    static final JsonMapping INSTANCE = new JsonMapping(defaultMapper());
  }
}
