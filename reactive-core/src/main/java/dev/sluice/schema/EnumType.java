package dev.sluice.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A named SQL enum type backed by a Java enum. PostgreSQL renders it as {@code CREATE TYPE name AS
 * ENUM (...)}; databases without enum types store the label as text.
 *
 * <pre>{@code
 * public static final EnumType<Popularity> POPULARITY = EnumType.of("popularity", Popularity.class);
 * public final Column<Popularity> popularity = column("popularity", POPULARITY);
 * }</pre>
 *
 * @param <E> the Java enum
 */
public final class EnumType<E extends Enum<E>> implements Codec<E> {
  private final String name;
  private final Class<E> javaType;
  private final Function<E, String> labeler;
  private final Map<String, E> byLabel;

  private EnumType(String name, Class<E> javaType, Function<E, String> labeler) {
    this.name = Objects.requireNonNull(name, "name");
    this.javaType = Objects.requireNonNull(javaType, "javaType");
    this.labeler = Objects.requireNonNull(labeler, "labeler");
    this.byLabel = Arrays.stream(javaType.getEnumConstants())
        .collect(Collectors.toUnmodifiableMap(labeler, e -> e));
  }

  /** An enum type whose SQL labels are the lower-cased constant names ({@code POPULAR → 'popular'}). */
  public static <E extends Enum<E>> EnumType<E> of(String name, Class<E> javaType) {
    return new EnumType<>(name, javaType, e -> e.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** An enum type with labels chosen by {@code labeler}. */
  public static <E extends Enum<E>> EnumType<E> of(String name, Class<E> javaType,
      Function<E, String> labeler) {
    return new EnumType<>(name, javaType, labeler);
  }

  public String name() { return name; }

  public Class<E> javaType() { return javaType; }

  /** The SQL labels in declaration order. */
  public List<String> labels() {
    return Arrays.stream(javaType.getEnumConstants()).map(labeler).toList();
  }

  @Override public Class<?> storedType() { return String.class; }

  @Override public Object toDb(E value) { return labeler.apply(value); }

  @Override public E fromDb(Object stored) {
    E e = byLabel.get(stored.toString());
    if (e == null) {
      throw new dev.sluice.error.MappingException("Label '" + stored + "' is not a value of enum type "
          + name + " (" + javaType.getName() + "); known labels: " + labels());
    }
    return e;
  }

  @Override public String toString() { return "EnumType[" + name + "]"; }
}
