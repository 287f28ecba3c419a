package dev.sluice.redis;

import dev.sluice.error.MappingException;
import dev.sluice.redis.internal.Exec;
import dev.sluice.redis.internal.RecordFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Records stored as hashes, field by field: {@code redis.hash(PROFILES)}. See {@link RedisHash}.
 *
 * <pre>{@code
 * redis.hash(PROFILES).put("42", profile);                  // HSET profile:42 name Ada age 36 ...
 * Mono<Profile> p = redis.hash(PROFILES).get("42");          // HGETALL profile:42
 * Mono<Integer> age = redis.hash(PROFILES).field("42", AGE);   // HGET profile:42 age (AGE: a HashField<Integer>)
 * }</pre>
 *
 * @param <R> the record type
 */
public final class HashOps<R extends Record> extends KeyOps {
  /** ARGV[1] = n pairs, then n field/value pairs to set, then the fields to delete. */
  private static final RedisScript<Long> PUT_WITH_NULLS = RedisScript.returningLong("""
      local n = tonumber(ARGV[1])
      for i = 1, n do redis.call('HSET', KEYS[1], ARGV[2 * i], ARGV[2 * i + 1]) end
      for i = 2 * n + 2, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
      return n""");

  private final RecordFields<R> fields;
  private final RedisHash<R> hash;

  HashOps(Exec exec, RedisHash<R> hash) {
    super(exec, hash.prefix());
    this.hash = hash;
    this.fields = hash.fields();
  }

  /**
   * Writes the record: {@code HSET} of every non-null component, in one command. When components
   * are null, their fields are removed in the same step (a Lua script running {@code HSET} and
   * {@code HDEL}), so a reader sees the old record or the new one, never a mix.
   */
  public Mono<Void> put(String id, R record) {
    byte[] key = exec.key(family, id);
    Map<byte[], byte[]> values = fields.encode(record);
    List<String> nulls = fields.nullFields(record);
    if (nulls.isEmpty()) {
      return exec.mono("HSET", family, c -> c.hset(key, values)).then();
    }
    List<byte[]> args = new ArrayList<>(1 + 2 * values.size() + nulls.size());
    args.add(String.valueOf(values.size()).getBytes(StandardCharsets.UTF_8));
    values.forEach((field, value) -> {
      args.add(field);
      args.add(value);
    });
    nulls.forEach(n -> args.add(n.getBytes(StandardCharsets.UTF_8)));
    return new ScriptCall<>(exec, PUT_WITH_NULLS, List.of(key), List.copyOf(args)).run().then();
  }

  /** {@code HGETALL}: the record, or empty when there is no hash; a missing field is null. */
  public Mono<R> get(String id) {
    byte[] key = exec.key(family, id);
    return exec.flux("HGETALL", family, c -> c.hgetall(key))
        .collect(HashMap<String, byte[]>::new,
            (m, kv) -> m.put(new String(kv.getKey(), StandardCharsets.UTF_8), kv.getValue()))
        .filter(m -> !m.isEmpty())
        .map(m -> fields.decode(m, exec.keyText(family, id)));
  }

  /** {@code HGET} of one field; empty when the hash or the field is missing. */
  public <T> Mono<T> field(String id, HashField<T> field) {
    RecordFields.Field f = fields.checked(field.name(), field.type());
    byte[] key = exec.key(family, id);
    byte[] name = field.name().getBytes(StandardCharsets.UTF_8);
    return exec.mono("HGET", family, c -> c.hget(key, name)).map(b -> field.type().cast(f.codec().decode(b)));
  }

  /** {@code HSET} of one field. */
  public <T> Mono<Void> setField(String id, HashField<T> field, T value) {
    RecordFields.Field f = fields.checked(field.name(), field.type());
    if (value == null) {
      throw new MappingException("Field " + field.name() + " cannot be set to null; put the record to remove it");
    }
    byte[] key = exec.key(family, id);
    byte[] name = field.name().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = f.codec().encode(value);
    return exec.mono("HSET", family, c -> c.hset(key, name, bytes)).then();
  }

  /** {@code HINCRBY} of an integral field: the new value (a missing field counts from 0). */
  public Mono<Long> increment(String id, HashField<? extends Number> field, long delta) {
    Class<?> t = field.type();
    fields.checked(field.name(), t);
    if (t != Long.class && t != Integer.class && t != Short.class) {
      throw new MappingException("Component " + field.name() + " of " + hash.type().getSimpleName() + " is a "
          + t.getSimpleName() + ", which HINCRBY cannot increment");
    }
    byte[] key = exec.key(family, id);
    byte[] name = field.name().getBytes(StandardCharsets.UTF_8);
    return exec.mono("HINCRBY", family, c -> c.hincrby(key, name, delta));
  }
}
