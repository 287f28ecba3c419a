package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import io.lettuce.core.RedisNoScriptException;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One run of a {@link RedisScript}: its keys (typed declarations and ids, with the store's prefix
 * applied) and arguments, each bound as {@code KEYS[i]} / {@code ARGV[i]}. Immutable: each
 * {@code key}/{@code arg} returns a new call, so a partly filled call can be shared.
 *
 * @param <T> the script's result type
 */
public final class ScriptCall<T> {
  private final Exec exec;
  private final RedisScript<T> script;
  private final List<byte[]> keys;
  private final List<byte[]> args;

  ScriptCall(Exec exec, RedisScript<T> script, List<byte[]> keys, List<byte[]> args) {
    this.exec = exec;
    this.script = script;
    this.keys = keys;
    this.args = args;
  }

  /** Adds {@code KEYS[n]}: a key of a value family. */
  public ScriptCall<T> key(RedisKey<?> family, String id) {
    return withKey(exec.key(family.prefix(), id));
  }

  /** Adds {@code KEYS[n]}: a key of a hash family. */
  public ScriptCall<T> key(RedisHash<?> family, String id) {
    return withKey(exec.key(family.prefix(), id));
  }

  /** Adds {@code ARGV[n]}: text. */
  public ScriptCall<T> arg(String value) {
    return withArg(dev.sluice.redis.internal.Utf8.bytes(value, "A script argument"));
  }

  /** Adds {@code ARGV[n]}: a number as decimal text. */
  public ScriptCall<T> arg(long value) {
    return arg(String.valueOf(value));
  }

  /** Adds {@code ARGV[n]}: a value encoded by a codec (e.g. a key's, to store it from the script). */
  public <V> ScriptCall<T> arg(ValueCodec<V> codec, V value) {
    return withArg(codec.encode(value));
  }

  /** Runs the script ({@code EVALSHA}, then {@code EVAL} once if the server does not know it). */
  public Mono<T> run() {
    byte[][] k = keys.toArray(byte[][]::new);
    byte[][] a = args.toArray(byte[][]::new);
    return exec.mono("EVALSHA " + script.sha1(), null, c -> {
      Flux<Object> sha = c.evalsha(script.sha1(), script.output(), k, a);
      Flux<Object> full = c.eval(script.lua(), script.output(), k, a);
      return sha.onErrorResume(RedisNoScriptException.class, e -> full)
          .collectList()
          .flatMap(r -> Mono.justOrEmpty(script.read(r)));
    });
  }

  private ScriptCall<T> withKey(byte[] key) {
    List<byte[]> next = new ArrayList<>(keys);
    next.add(key);
    return new ScriptCall<>(exec, script, List.copyOf(next), args);
  }

  private ScriptCall<T> withArg(byte[] arg) {
    List<byte[]> next = new ArrayList<>(args);
    next.add(arg);
    return new ScriptCall<>(exec, script, keys, List.copyOf(next));
  }
}
