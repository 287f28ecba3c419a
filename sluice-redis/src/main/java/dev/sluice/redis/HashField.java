package dev.sluice.redis;

/**
 * One typed field of a {@link RedisHash}, made by {@link RedisHash#field(String, Class)}, which
 * checks the record has that component with that type when the constant is declared. So
 * {@code redis.hash(PROFILES).setField("42", AGE, "old")} does not compile.
 *
 * <pre>{@code
 * public static final HashField<Integer> AGE = PROFILES.field("age", Integer.class);
 * redis.hash(PROFILES).increment("42", AGE, 1);              // HINCRBY profile:42 age 1
 * }</pre>
 *
 * @param name the component (and hash field) name
 * @param type its type, boxed
 * @param <T> its type
 */
public record HashField<T>(String name, Class<T> type) {}
