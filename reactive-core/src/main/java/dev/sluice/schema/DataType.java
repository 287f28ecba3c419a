package dev.sluice.schema;

import java.util.Objects;

/**
 * The SQL type of a column or expression together with its Java type. Most users never name one:
 * the column factories of {@link Table} create them. Custom types use {@link #custom}.
 *
 * @param kind      the portable type family
 * @param javaType  the Java type users see
 * @param length    varchar/char length, or 0
 * @param precision decimal precision, or 0
 * @param scale     decimal scale, or 0
 * @param sqlName   the SQL name of an enum or custom type, or null
 * @param codec     converts between the Java type and the driver type, or null when they are the same
 * @param <T> the Java type
 */
public record DataType<T>(SqlKind kind, Class<T> javaType, int length, int precision, int scale,
                          String sqlName, Codec<T> codec) {

  public DataType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(javaType, "javaType");
  }

  /** A plain type without size, name or codec. */
  public static <T> DataType<T> of(SqlKind kind, Class<T> javaType) {
    return new DataType<>(kind, javaType, 0, 0, 0, null, null);
  }

  /** A user-defined type: {@code sqlName} is used verbatim in DDL, values pass through {@code codec}. */
  public static <T> DataType<T> custom(String sqlName, Class<T> javaType, Codec<T> codec) {
    return new DataType<>(SqlKind.CUSTOM, javaType, 0, 0, 0, Objects.requireNonNull(sqlName), codec);
  }

  /** The type of an enum column. */
  public static <E extends Enum<E>> DataType<E> enumType(EnumType<E> type) {
    return new DataType<>(SqlKind.ENUM, type.javaType(), 0, 0, 0, type.name(), type);
  }

  /** The Java type handed to the driver: the codec's stored type, or the Java type itself. */
  public Class<?> driverType() {
    return codec == null ? javaType : codec.storedType();
  }

  /** Converts a Java value to the value bound on the driver (null stays null). */
  public Object toDriver(T value) {
    return value == null || codec == null ? value : codec.toDb(value);
  }

  /** Converts a value read from the driver to the Java value (null stays null). */
  public T fromDriver(Object value) {
    if (value == null) {
      return null;
    }
    return codec == null ? javaType.cast(value) : codec.fromDb(value);
  }

  /** The enum type behind an {@link SqlKind#ENUM} column, or null. */
  public EnumType<?> enumType() {
    return codec instanceof EnumType<?> e ? e : null;
  }
}
