package dev.sluice.mongo;

import org.bson.BsonReader;
import org.bson.BsonWriter;

/**
 * How one Java type is stored as a BSON value: written straight to the driver's {@link BsonWriter}
 * and read back from its {@link BsonReader}, with no intermediate document. The built-in types are
 * in {@link ValueTypes}; a user type is one more implementation (a codec).
 *
 * <pre>{@code
 * ValueType<Money> MONEY = ValueTypes.map(ValueTypes.DECIMAL, Money.class, Money::new, Money::amount);
 * }</pre>
 *
 * @param <T> the Java type
 */
public interface ValueType<T> {
  /** The Java class of the values (for error messages and record checks). */
  Class<?> javaType();

  /** Writes a non-null value at the writer's current position (its name already written). */
  void write(BsonWriter writer, T value);

  /**
   * Reads the value at the reader's current position, whose BSON type is neither null nor
   * undefined (those are read as Java null by the caller).
   */
  T read(BsonReader reader);
}
