package dev.sluice.error;

/**
 * A query cache that keeps rows outside this JVM (Redis, a SQL table) was given a value it cannot
 * store exactly: a Java type outside the set Sluice's cache format encodes. The result is not
 * cached (the read itself still succeeds); the message names the type.
 */
public class UncacheableValueException extends SluiceException {
  private final Class<?> type;

  public UncacheableValueException(Class<?> type) {
    super("A query cache outside this JVM cannot store a value of type " + type.getName()
        + " exactly; the result was not cached (cache only queries whose columns use Sluice's column types)");
    this.type = type;
  }

  /** The Java type that cannot be stored. */
  public Class<?> type() {
    return type;
  }
}
