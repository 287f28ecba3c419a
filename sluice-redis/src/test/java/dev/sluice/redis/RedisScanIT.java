package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RedisScanIT {
  static final RedisKey<Integer> ITEMS = RedisKey.of("item:", Integer.class);
  static final RedisKey<Integer> ITEMS_STAR = RedisKey.of("item*[x]:", Integer.class);
  static RedisStore redis;

  @BeforeAll static void open() {
    redis = RedisTestSupport.store(RedisScanIT.class);
    Map<String, Integer> values = new HashMap<>();
    IntStream.range(0, 1500).forEach(i -> values.put(String.valueOf(i), i));
    redis.value(ITEMS).setAll(values, java.time.Duration.ofMinutes(10)).block();
    redis.value(ITEMS_STAR).set("only", 1).block();
    redis.value(RedisKey.of("itemx:", Integer.class)).set("other", 2).block();
  }

  @AfterAll static void close() {
    if (redis != null) {
      redis.close().block();
      RedisTestSupport.cleanUp(RedisScanIT.class);
    }
  }

  @Test void scanStreamsEveryIdOfTheFamilyAndNothingElse() {
    List<String> ids = redis.scan(ITEMS).collectList().block();
    assertThat(ids).doesNotHaveDuplicates().hasSize(1500)
        .containsAll(IntStream.range(0, 1500).mapToObj(String::valueOf).toList());
  }

  @Test void globCharactersInPrefixesAreMatchedLiterally() {
    assertThat(redis.scan(ITEMS_STAR).collectList().block()).containsExactly("only");
  }

  @Test void scanIsDemandDrivenAndCancellable() {
    StepVerifier.create(redis.scan(ITEMS), 0)
        .thenRequest(3).expectNextCount(3)
        .thenCancel().verify();
    assertThat(redis.scan(ITEMS).take(10).collectList().block()).hasSize(10);
  }
}
