package dev.sluice.redis;

import dev.sluice.redis.internal.RecordFields;
import java.util.List;
import java.util.Objects;

/**
 * A family of Redis hashes, each holding one record field by field: component {@code age} of a
 * {@code Profile} is the hash field {@code age}, stored as text by its type's codec (strings,
 * numbers, booleans, enums, {@code UUID}, {@code BigDecimal}, {@code java.time} values; JSON for
 * anything else). So one field can be read, written or incremented alone, and {@code HINCRBY} works
 * on numeric components.
 *
 * <pre>{@code
 * record Profile(String name, int age, Instant seen) {}
 * public static final RedisHash<Profile> PROFILES = RedisHash.of("profile:", Profile.class);
 *
 * public static final HashField<Integer> AGE = PROFILES.field("age", Integer.class);
 *
 * redis.hash(PROFILES).put("42", new Profile("Ada", 36, now));   // HSET profile:42 name Ada age 36 seen ...
 * redis.hash(PROFILES).increment("42", AGE, 1);                  // HINCRBY profile:42 age 1
 * }</pre>
 *
 * A type that is not a record fails here, when the constant is declared, with
 * {@link dev.sluice.error.MappingException}. Immutable.
 *
 * @param <R> the record type
 */
public final class RedisHash<R extends Record> {
  private final String prefix;
  private final Class<R> type;
  private final RecordFields<R> fields;

  private RedisHash(String prefix, Class<R> type) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.type = Objects.requireNonNull(type, "type");
    this.fields = RecordFields.of(type);
  }

  /** Hashes under a prefix, each holding one record of the given type. */
  public static <R extends Record> RedisHash<R> of(String prefix, Class<R> type) {
    return new RedisHash<>(prefix, type);
  }

  public String prefix() { return prefix; }

  public Class<R> type() { return type; }

  /** The hash fields, one per record component, in declaration order. */
  public List<String> fieldNames() { return fields.names(); }

  /**
   * A typed field: the record must have the component {@code name} of type {@code type} (boxed,
   * e.g. {@code Integer.class} for an {@code int}), else a MappingException here, at declaration.
   */
  public <T> HashField<T> field(String name, Class<T> type) {
    fields.checked(name, type);
    return new HashField<>(name, type);
  }

  /** Not for users: the record's mapping. */
  public RecordFields<R> fields() { return fields; }

  @Override public String toString() { return "RedisHash[" + prefix + "*, " + type.getSimpleName() + "]"; }
}
