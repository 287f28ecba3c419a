package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.ConcurrencyFailureException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

class RedisScriptsAndBatchesIT {
  record Item(String sku, int qty) {}

  static final RedisKey<Long> STOCK = RedisKey.of("stock:", Long.class);
  static final RedisKey<Long> ACCOUNTS = RedisKey.of("account:", Long.class);
  static final RedisKey<String> LEDGER = RedisKey.of("ledger:", String.class);
  static final RedisKey<Item> ITEMS = RedisKey.of("item:", Item.class);

  /** Takes ARGV[1] units if there are enough; -1 otherwise. Unique per run, so the first call finds no cached script. */
  static final RedisScript<Long> TAKE = RedisScript.returningLong("""
      -- run %s
      local n = tonumber(redis.call('GET', KEYS[1]) or '0')
      if n < tonumber(ARGV[1]) then return -1 end
      return redis.call('DECRBY', KEYS[1], ARGV[1])""".formatted(RedisTestSupport.RUN));

  static RedisStore redis;

  @BeforeAll static void open() { redis = RedisTestSupport.store(RedisScriptsAndBatchesIT.class); }

  @AfterAll static void close() {
    if (redis != null) {
      redis.close().block();
      RedisTestSupport.cleanUp(RedisScriptsAndBatchesIT.class);
    }
  }

  @Test void aScriptRunsWithBoundKeysAndArgumentsLoadedOnceThenCalledBySha() {
    redis.value(STOCK).set("sku-1", 5L).block();
    List<Boolean> before = RedisTestSupport.raw(c -> c.scriptExists(TAKE.sha1()));
    assertThat(before).containsExactly(false);
    assertThat(redis.script(TAKE).key(STOCK, "sku-1").arg(2).run().block()).isEqualTo(3L);
    List<Boolean> after = RedisTestSupport.raw(c -> c.scriptExists(TAKE.sha1()));
    assertThat(after).containsExactly(true);
    ScriptCall<Long> takeFour = redis.script(TAKE).key(STOCK, "sku-1").arg(4);
    assertThat(takeFour.run().block()).isEqualTo(-1L);
    assertThat(redis.value(STOCK).get("sku-1").block()).isEqualTo(3L);
    assertThat(redis.script(TAKE).key(STOCK, "sku-1").arg("3").run().block()).isZero();
  }

  @Test void scriptsReturnTypedValuesListsAndBooleans() {
    Item item = new Item("a", 2);
    redis.value(ITEMS).set("i1", item).block();
    RedisScript<Item> read = RedisScript.returning("return redis.call('GET', KEYS[1])", ValueCodec.json(Item.class));
    assertThat(redis.script(read).key(ITEMS, "i1").run().block()).isEqualTo(item);
    assertThat(redis.script(read).key(ITEMS, "none").run().blockOptional()).isEmpty();
    RedisScript<List<String>> echo = RedisScript.returningList("return ARGV", ValueCodec.strings());
    assertThat(redis.script(echo).arg("x").arg("y").arg(ValueCodec.json(Item.class), item).run().block())
        .containsExactly("x", "y", "{\"sku\":\"a\",\"qty\":2}");
    RedisScript<Boolean> exists = RedisScript.returningBoolean("return redis.call('EXISTS', KEYS[1]) == 1");
    assertThat(redis.script(exists).key(ITEMS, "i1").run().block()).isTrue();
    assertThat(redis.script(exists).key(ITEMS, "none").run().block()).isFalse();
  }

  @Test void aScriptErrorIsARedisCommandException() {
    RedisScript<Long> bad = RedisScript.returningLong("return redis.call('NOSUCHCOMMAND')");
    assertThatThrownBy(() -> redis.script(bad).run().block())
        .isInstanceOfSatisfying(RedisCommandException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("ERR");
          assertThat(e.sql()).isEqualTo("EVALSHA " + bad.sha1());
        });
  }

  @Test void aPipelineReturnsEachResultInOrder() {
    List<Object> results = redis.pipeline(List.of(
        redis.value(LEDGER).set("p", "one"),
        redis.counter(STOCK).incrementBy("p", 7),
        redis.value(LEDGER).get("p"),
        redis.value(LEDGER).get("missing"),
        redis.list(LEDGER).pushAll("plist", List.of("a", "b")))).block();
    assertThat(results).containsExactly(null, 7L, "one", null, 2L);
  }

  @Test void setAllPipelinesManyWritesWithTheirTtl() {
    Map<String, Item> many = new LinkedHashMap<>();
    IntStream.range(0, 2000).forEach(i -> many.put("bulk-" + i, new Item("s" + i, i)));
    assertThat(redis.value(ITEMS).setAll(many, Duration.ofMinutes(1)).block()).isEqualTo(2000L);
    assertThat(redis.value(ITEMS).get("bulk-1999").block()).isEqualTo(new Item("s1999", 1999));
    assertThat(redis.value(ITEMS).ttl("bulk-0").block()).isPositive();
  }

  @Test void aTransactionRunsItsQueuedCommandsTogether() {
    redis.value(ACCOUNTS).set("a", 100L).block();
    List<Object> results = redis.transaction(tx -> tx.watch(ACCOUNTS, "a")
        .then(tx.counter(ACCOUNTS).get("a"))
        .flatMap(balance -> tx.exec(List.of(
            tx.value(ACCOUNTS).set("a", balance - 30),
            tx.counter(ACCOUNTS).incrementBy("b", 30),
            tx.list(LEDGER).push("moves", "a->b 30"))))).block();
    assertThat(results).containsExactly(null, 30L, 1L);
    assertThat(redis.counter(ACCOUNTS).get("a").block()).isEqualTo(70L);
    assertThat(redis.counter(ACCOUNTS).get("b").block()).isEqualTo(30L);
  }

  @Test void aWatchedKeyChangedBeforeExecAbortsTheTransactionWithATypedErrorAndARetryWins() {
    redis.value(ACCOUNTS).set("w", 10L).block();
    AtomicInteger runs = new AtomicInteger();
    Mono<List<Object>> doubleIt = redis.transaction(tx -> tx.watch(ACCOUNTS, "w")
        .then(tx.counter(ACCOUNTS).get("w"))
        .flatMap(v -> (runs.incrementAndGet() == 1
            ? redis.counter(ACCOUNTS).incrementBy("w", 1).then()    // another client writes between WATCH and EXEC
            : Mono.<Void>empty())
            .then(tx.exec(List.of(tx.value(ACCOUNTS).set("w", v * 2))))));
    assertThatThrownBy(doubleIt::block).isInstanceOfSatisfying(RedisTransactionAbortedException.class, e -> {
      assertThat(e).isInstanceOf(ConcurrencyFailureException.class);
      assertThat(e.isTransient()).isTrue();
      assertThat(e.getMessage()).isEqualTo("EXEC ran none of 1 commands: a watched key changed");
    });
    assertThat(redis.counter(ACCOUNTS).get("w").block()).isEqualTo(11L);
    assertThat(doubleIt.retryWhen(Retry.max(3).filter(RedisTransactionAbortedException.class::isInstance)).block())
        .containsExactly((Object) null);
    assertThat(redis.counter(ACCOUNTS).get("w").block()).isEqualTo(22L);
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test void cancellingATransactionBodyClosesItsConnection() {
    String name = "sluice-tx-" + RedisTestSupport.RUN;
    redis.value(ACCOUNTS).set("c", 1L).block();
    RedisStore named = RedisStore.connect(RedisTestSupport.URI + "?clientName=" + name).withPrefix(redis.prefix());
    java.util.concurrent.CompletableFuture<List<Object>> stuck = named.transaction(tx -> tx.watch(ACCOUNTS, "c")
        .then(tx.counter(ACCOUNTS).get("c"))
        .then(Mono.<List<Object>>never()))
        .toFuture();
    java.util.function.LongSupplier clients = () -> RedisTestSupport.raw(c -> c.clientList()).lines()
        .filter(l -> l.contains("name=" + name + " ")).count();
    Mono.fromCallable(() -> clients.getAsLong() == 1 ? true : null)
        .repeatWhenEmpty(100, f -> f.delayElements(Duration.ofMillis(20))).block(Duration.ofSeconds(5));
    stuck.cancel(true);
    Mono.fromCallable(() -> clients.getAsLong() == 0 ? true : null)
        .repeatWhenEmpty(100, f -> f.delayElements(Duration.ofMillis(20))).block(Duration.ofSeconds(5));
    assertThat(clients.getAsLong()).isZero();
    assertThat(redis.counter(ACCOUNTS).get("c").block()).isEqualTo(1L);
    named.close().block();
  }

  @Test void aCommandRefusedInsideExecFailsTheTransactionWhileTheOthersRan() {
    redis.list(LEDGER).push("typed", "x").block();
    assertThatThrownBy(() -> redis.transaction(tx -> tx.exec(List.of(
            tx.value(LEDGER).set("ok", "yes"),
            tx.counter(RedisKey.of("ledger:", Long.class)).increment("typed")))).block())
        .isInstanceOfSatisfying(RedisCommandException.class, e -> assertThat(e.errorCode()).isEqualTo("WRONGTYPE"));
    assertThat(redis.value(LEDGER).get("ok").block()).isEqualTo("yes");
  }
}
