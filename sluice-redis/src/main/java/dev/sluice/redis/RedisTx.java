package dev.sluice.redis;

import dev.sluice.redis.internal.Exec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The connection of one {@link RedisStore#transaction} body: {@link #watch} keys, read them (the
 * reads run at once), then {@link #exec} the writes as one {@code MULTI}/{@code EXEC}. If a watched
 * key changed in between, {@code EXEC} runs nothing and {@code exec} fails with
 * {@link RedisTransactionAbortedException}.
 *
 * <pre>{@code
 * redis.transaction(tx -> tx.watch(ACCOUNTS, "a")
 *     .then(tx.counter(ACCOUNTS).get("a"))
 *     .flatMap(balance -> tx.exec(List.of(
 *         tx.value(ACCOUNTS).set("a", balance - 10),       // queued, run by EXEC
 *         tx.list(LEDGER).push("a", "-10")))));
 * }</pre>
 */
public final class RedisTx extends Ops {
  RedisTx(Exec exec) {
    super(exec);
  }

  /** {@code WATCH} keys of a value family (also lists, sets and sorted sets). */
  public Mono<Void> watch(RedisKey<?> family, String... ids) {
    return watch(family.prefix(), ids);
  }

  /** {@code WATCH} keys of a hash family. */
  public Mono<Void> watch(RedisHash<?> family, String... ids) {
    return watch(family.prefix(), ids);
  }

  private Mono<Void> watch(String prefix, String... ids) {
    byte[][] keys = Arrays.stream(ids).map(id -> exec.key(prefix, id)).toArray(byte[][]::new);
    return exec.mono("WATCH", prefix, c -> c.watch(keys)).then();
  }

  /**
   * {@code MULTI}, the commands (built from this transaction's operations, not the store's), then
   * {@code EXEC}: their results in order, null for a command without one. A command Redis refuses
   * at {@code EXEC} (e.g. {@code WRONGTYPE}) fails this Mono with its error; the others have run,
   * as Redis does not roll back.
   */
  public Mono<List<Object>> exec(List<? extends Mono<?>> commands) {
    return exec.mono("MULTI", null, c -> c.multi()).then(Mono.defer(() -> {
      List<Mono<Optional<Object>>> queued = new ArrayList<>(commands.size());
      for (Mono<?> m : commands) {
        queued.add(m.map(v -> Optional.<Object>of(v)).defaultIfEmpty(Optional.empty()));
      }
      Mono<List<Object>> results = (queued.isEmpty()
          ? Mono.just(Collections.<Optional<Object>>emptyList())
          : Flux.mergeSequential(Flux.fromIterable(queued), queued.size(), 1).collectList())
          .map(RedisTx::unwrap)
          .cache();
      Disposable sent = results.subscribe(r -> {}, e -> {});   // queues every command before EXEC is sent
      return exec.mono("EXEC", null, c -> c.exec())
          .flatMap(tr -> tr.wasDiscarded()
              ? Mono.<List<Object>>error(new RedisTransactionAbortedException(
                  "EXEC ran none of " + commands.size() + " commands: a watched key changed"))
              : results)
          .doFinally(s -> sent.dispose());
    }));
  }

  private static List<Object> unwrap(List<Optional<Object>> results) {
    List<Object> out = new ArrayList<>(results.size());
    results.forEach(o -> out.add(o.orElse(null)));
    return Collections.unmodifiableList(out);
  }
}
