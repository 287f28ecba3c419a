package dev.sluice.redis;

import dev.sluice.error.MappingException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Lua script and the type of its result. Declare it once; run it with
 * {@code redis.script(SCRIPT).key(...).arg(...).run()}. It is sent by its SHA-1
 * ({@code EVALSHA}); when the server does not know it yet ({@code NOSCRIPT}) it is sent once in full
 * ({@code EVAL}, which also caches it). Keys and arguments are always passed as {@code KEYS} and
 * {@code ARGV}, never written into the script. Immutable.
 *
 * <pre>{@code
 * static final RedisScript<Long> TAKE = RedisScript.returningLong("""
 *     local n = tonumber(redis.call('GET', KEYS[1]) or '0')
 *     if n < tonumber(ARGV[1]) then return -1 end
 *     return redis.call('DECRBY', KEYS[1], ARGV[1])""");
 * Mono<Long> left = redis.script(TAKE).key(STOCK, "sku-1").arg(2).run();
 * }</pre>
 *
 * @param <T> the result type
 */
public final class RedisScript<T> {
  private final String lua;
  private final String sha1;
  private final ScriptOutputType output;
  private final Function<List<Object>, T> read;

  private RedisScript(String lua, ScriptOutputType output, Function<List<Object>, T> read) {
    this.lua = Objects.requireNonNull(lua, "lua");
    this.sha1 = sha1(lua);
    this.output = output;
    this.read = read;
  }

  /** A script returning an integer (a Lua number is truncated to one by Redis). */
  public static RedisScript<Long> returningLong(String lua) {
    return new RedisScript<>(lua, ScriptOutputType.INTEGER, r -> r.isEmpty() ? null : (Long) r.get(0));
  }

  /** A script returning a boolean (Lua true is 1, false or nil is nil). */
  public static RedisScript<Boolean> returningBoolean(String lua) {
    return new RedisScript<>(lua, ScriptOutputType.BOOLEAN, r -> !r.isEmpty() && Boolean.TRUE.equals(r.get(0)));
  }

  /** A script returning one value (a bulk string) read by the codec; nil is an empty result. */
  public static <V> RedisScript<V> returning(String lua, ValueCodec<V> codec) {
    return new RedisScript<>(lua, ScriptOutputType.VALUE, r -> r.isEmpty() || r.get(0) == null ? null : codec.decode(bytes(r.get(0))));
  }

  /** A script returning an array of values, each read by the codec. */
  public static <V> RedisScript<List<V>> returningList(String lua, ValueCodec<V> codec) {
    return new RedisScript<>(lua, ScriptOutputType.MULTI, r -> {
      List<?> elements = r.size() == 1 && r.get(0) instanceof List<?> nested ? nested : r;
      List<V> out = new ArrayList<>(elements.size());
      for (Object o : elements) {
        out.add(o == null ? null : codec.decode(bytes(o)));
      }
      return out;
    });
  }

  public String lua() { return lua; }

  /** The script's SHA-1, as {@code EVALSHA} names it. */
  public String sha1() { return sha1; }

  ScriptOutputType output() { return output; }

  /** The result from the elements Lettuce emitted (null for none). */
  T read(List<Object> elements) { return read.apply(elements); }

  private static byte[] bytes(Object o) {
    if (o instanceof byte[] b) {
      return b;
    }
    if (o instanceof Long l) {
      return String.valueOf(l).getBytes(StandardCharsets.UTF_8);
    }
    throw new MappingException("A script returned " + o.getClass().getSimpleName() + " where a value was expected");
  }

  private static String sha1(String lua) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(lua.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every JVM", e);
    }
  }
}
