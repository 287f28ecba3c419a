package dev.sluice.bench;

import dev.sluice.redis.RedisKey;
import dev.sluice.redis.RedisStore;
import dev.sluice.redis.ValueCodec;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Redis get, set and a pipelined batch of 1,000 sets: Sluice's {@link RedisStore} against raw
 * Lettuce (reactive for get/set, the async API for the pipeline) on the local Redis
 * ({@code -Dbench.redis.uri}, default {@code redis://127.0.0.1:6379}), the same keys and values,
 * in the same run. Every result is checked (the value read, {@code OK}, the count written), so a
 * variant that stopped doing the work fails instead of looking fast. Keys live under a prefix of
 * the run and are deleted in the teardown.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisBenchmark {
  static final int KEYS = 10_000;
  static final int BATCH = 1000;
  static final Duration TTL = Duration.ofMinutes(10);
  static final RedisKey<String> VALUES = RedisKey.of("v:", ValueCodec.strings());
  static final String VALUE = "x".repeat(64);

  RedisStore store;
  RedisClient client;
  StatefulRedisConnection<String, String> raw;
  String prefix;

  @Setup(Level.Trial)
  public void setUp() {
    String uri = System.getProperty("bench.redis.uri", "redis://127.0.0.1:6379");
    prefix = "sluice-bench:" + UUID.randomUUID() + ":";
    store = RedisStore.connect(uri).withPrefix(prefix);
    client = RedisClient.create(uri);
    raw = client.connect();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < KEYS; i++) {
      values.put(String.valueOf(i), VALUE);
    }
    store.value(VALUES).setAll(values, TTL).block();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    List<String> keys = store.scan(VALUES).map(id -> prefix + "v:" + id).collectList().block();
    for (int i = 0; i < keys.size(); i += 500) {
      raw.sync().del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
    }
    store.close().block();
    raw.close();
    client.shutdown();
  }

  static String id() {
    return String.valueOf(ThreadLocalRandom.current().nextInt(KEYS));
  }

  @Benchmark
  public String storeGet() {
    return checked(store.value(VALUES).get(id()).block(), VALUE);
  }

  @Benchmark
  public String rawGet() {
    return checked(raw.reactive().get(prefix + "v:" + id()).block(), VALUE);
  }

  @Benchmark
  public Object storeSet() {
    return checked(store.value(VALUES).set(id(), VALUE, TTL).thenReturn("OK").block(), "OK");
  }

  @Benchmark
  public String rawSet() {
    return checked(raw.reactive().set(prefix + "v:" + id(), VALUE, SetArgs.Builder.px(TTL.toMillis())).block(), "OK");
  }

  static <T> T checked(T actual, T expected) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException("expected " + expected + ", got " + actual);
    }
    return actual;
  }

  @Benchmark
  public Long storePipelinedSet() {
    int base = ThreadLocalRandom.current().nextInt(KEYS);
    Map<String, String> batch = new LinkedHashMap<>();
    for (int i = 0; i < BATCH; i++) {
      batch.put(String.valueOf((base + i) % KEYS), VALUE);
    }
    return checked(store.value(VALUES).setAll(batch, TTL).block(), (long) BATCH);
  }

  @Benchmark
  public boolean rawPipelinedSet() {
    SetArgs px = SetArgs.Builder.px(TTL.toMillis());
    int base = ThreadLocalRandom.current().nextInt(KEYS);
    List<RedisFuture<String>> sent = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      sent.add(raw.async().set(prefix + "v:" + ((base + i) % KEYS), VALUE, px));
    }
    if (!LettuceFutures.awaitAll(Duration.ofSeconds(10), sent.toArray(RedisFuture[]::new))) {
      throw new IllegalStateException("the pipelined sets did not finish in 10 s");
    }
    for (RedisFuture<String> f : sent) {
      checked(f.toCompletableFuture().getNow(null), "OK");
    }
    return true;
  }
}
