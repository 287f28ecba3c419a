package dev.sluice.redis.internal;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where commands run (the store's shared connection, or the dedicated connection of a
 * transaction) and the store's key prefix. Every command is cold, and its errors are translated
 * with the command and key family named.
 */
public final class Exec {
  private final SharedConnection shared;
  private final RedisReactiveCommands<byte[], byte[]> dedicated;
  private final String prefix;

  private Exec(SharedConnection shared, RedisReactiveCommands<byte[], byte[]> dedicated, String prefix) {
    this.shared = shared;
    this.dedicated = dedicated;
    this.prefix = prefix;
  }

  public static Exec shared(SharedConnection connection, String prefix) {
    return new Exec(connection, null, prefix);
  }

  /** Commands on one connection of their own (a transaction's). */
  public static Exec dedicated(RedisReactiveCommands<byte[], byte[]> commands, String prefix) {
    return new Exec(null, commands, prefix);
  }

  public String prefix() { return prefix; }

  public Exec withPrefix(String more) { return new Exec(shared, dedicated, prefix + more); }

  public SharedConnection connection() { return shared; }

  /** The full key: the store's prefix, the family's prefix, the id. */
  public byte[] key(String family, String id) {
    String key = prefix + family + id;
    int bad = Utf8.loneSurrogate(key);
    if (bad >= 0) {
      throw Utf8.refusal("The key " + prefix + family + "<id>", key, bad);
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }

  public String keyText(String family, String id) { return prefix + family + id; }

  public <T> Mono<T> mono(String command, String family, Function<RedisReactiveCommands<byte[], byte[]>, Mono<T>> f) {
    return Mono.defer(() -> {
      RedisReactiveCommands<byte[], byte[]> c = dedicated != null ? dedicated : shared.liveOrNull();
      return c != null ? f.apply(c) : shared.commands().flatMap(f);
    }).onErrorMap(e -> RedisErrors.translate(e, describe(command, family)));
  }

  public <T> Flux<T> flux(String command, String family, Function<RedisReactiveCommands<byte[], byte[]>, Flux<T>> f) {
    return Flux.defer(() -> {
      RedisReactiveCommands<byte[], byte[]> c = dedicated != null ? dedicated : shared.liveOrNull();
      return c != null ? f.apply(c) : shared.commands().flatMapMany(f);
    }).onErrorMap(e -> RedisErrors.translate(e, describe(command, family)));
  }

  private String describe(String command, String family) {
    return family == null ? command : command + " " + prefix + family + "*";
  }
}
