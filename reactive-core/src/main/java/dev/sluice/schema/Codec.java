package dev.sluice.schema;

/**
 * Converts a Java value of a user-defined column type to the value the driver stores, and back.
 *
 * <pre>{@code
 * Codec<Money> money = Codec.of(Long.class, m -> m.cents(), Money::ofCents);
 * public final Column<Money> price = column("price", DataType.custom("bigint", Money.class, money));
 * }</pre>
 *
 * @param <T> the Java type of the column
 */
public interface Codec<T> {
  /** The Java type handed to and read from the R2DBC driver. */
  Class<?> storedType();

  /** Converts a non-null Java value to the stored value. */
  Object toDb(T value);

  /** Converts a non-null stored value back to the Java value. */
  T fromDb(Object stored);

  /** A codec from two functions. */
  static <T, S> Codec<T> of(Class<S> storedType, java.util.function.Function<T, S> toDb,
      java.util.function.Function<S, T> fromDb) {
    return new Codec<>() {
      @Override public Class<?> storedType() { return storedType; }
      @Override public Object toDb(T value) { return toDb.apply(value); }
      @Override public T fromDb(Object stored) { return fromDb.apply(storedType.cast(stored)); }
    };
  }
}
