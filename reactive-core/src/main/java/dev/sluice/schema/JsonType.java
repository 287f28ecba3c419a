package dev.sluice.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A generic Java type for a typed JSON column, captured by an anonymous subclass (a super type
 * token, as Jackson's {@code TypeReference}), so a column can hold a {@code List<Item>}:
 *
 * <pre>{@code
 * public final Column<List<Item>> items = jsonb("items", new JsonType<List<Item>>() {});
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public abstract class JsonType<T> {
  private final Type type;

  protected JsonType() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType p)) {
      throw new IllegalArgumentException("A JsonType needs its type argument: new JsonType<List<Item>>() {}");
    }
    this.type = p.getActualTypeArguments()[0];
  }

  private JsonType(Type type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The token of a plain class. */
  public static <T> JsonType<T> of(Class<T> type) {
    return new JsonType<>(type) {};
  }

  /**
   * The token of any Java type, such as one Jackson's {@code TypeReference} or {@code JavaType}
   * captured: {@code JsonType.of(new TypeReference<List<Item>>() {}.getType())}. Unchecked: the type
   * argument is the caller's word.
   */
  public static <T> JsonType<T> ofType(Type type) {
    return new JsonType<>(type) {};
  }

  /** The captured Java type. */
  public Type type() { return type; }

  /** The raw class of the captured type ({@code List} for {@code List<Item>}). */
  @SuppressWarnings("unchecked")
  public Class<T> rawType() {
    Type t = type;
    if (t instanceof ParameterizedType p) {
      t = p.getRawType();
    }
    if (t instanceof Class<?> c) {
      return (Class<T>) c;
    }
    throw new IllegalArgumentException("A typed JSON column needs a concrete type, not " + type);
  }

  @Override public String toString() { return type.getTypeName(); }
}
