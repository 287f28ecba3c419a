package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What a scan sends, counted by a redis-server of the test's own ({@code INFO commandstats}, which
 * other tests on the shared Redis would disturb): {@code SCAN} steps only as the subscriber asks
 * for more, none after a cancel, and never {@code KEYS}.
 */
class RedisScanCommandsIT {
  static final RedisKey<Integer> ITEMS = RedisKey.of("item:", Integer.class);

  RestartableRedis server;
  RedisStore redis;
  RedisClient admin;
  StatefulRedisConnection<String, String> adminConnection;

  @BeforeEach void start() {
    server = RestartableRedis.start();
    redis = RedisStore.connect(server.uri(), Duration.ofSeconds(5)).withPrefix("scan:");
    admin = RedisClient.create(server.uri());
    adminConnection = admin.connect();
    Map<String, Integer> values = new HashMap<>();
    IntStream.range(0, 2000).forEach(i -> values.put(String.valueOf(i), i));
    redis.value(ITEMS).setAll(values, Duration.ofMinutes(10)).block();
    adminConnection.sync().configResetstat();
  }

  @AfterEach void stop() {
    if (adminConnection != null) {
      adminConnection.close();
      admin.shutdown();
    }
    if (redis != null) {
      redis.close().block();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Calls of a command since the last reset, 0 if it was never called. */
  private long calls(String command) {
    Matcher m = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)")
        .matcher(adminConnection.sync().info("commandstats"));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  @Test void aCancelledScanSendsNoFurtherStepAndAFullScanSeveralStepsButNeverKeys() throws InterruptedException {
    StepVerifier.create(redis.scan(ITEMS), 0)
        .thenRequest(3).expectNextCount(3)
        .thenCancel().verify();
    Thread.sleep(300);
    assertThat(calls("scan")).as("one step of 500 answers 3 ids; none after the cancel").isEqualTo(1);

    assertThat(redis.scan(ITEMS).collectList().block()).hasSize(2000).doesNotHaveDuplicates();
    assertThat(calls("scan")).as("2,000 keys in steps of about 500").isGreaterThanOrEqualTo(1 + 4);
    assertThat(calls("keys")).isZero();
  }
}
