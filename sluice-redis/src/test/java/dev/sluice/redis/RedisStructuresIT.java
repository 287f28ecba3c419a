package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisStructuresIT {
  enum Plan { FREE, PRO }

  record Profile(String name, int age, Plan plan, BigDecimal balance, Instant seen, UUID id, boolean active,
      List<String> tags) {}

  record Point(int x, int y) {}

  static final RedisHash<Profile> PROFILES = RedisHash.of("profile:", Profile.class);
  static final RedisKey<Point> POINTS = RedisKey.of("points:", Point.class);
  static final RedisKey<String> TAGS = RedisKey.of("tags:", String.class);
  static final RedisKey<String> SCORES = RedisKey.of("scores:", String.class);

  static RedisStore redis;
  final Profile ada = new Profile("Ada", 36, Plan.PRO, new BigDecimal("12.50"), Instant.parse("2026-03-04T05:06:07Z"),
      UUID.fromString("00000000-0000-0000-0000-000000000042"), true, List.of("math", "engines"));

  @BeforeAll static void open() { redis = RedisTestSupport.store(RedisStructuresIT.class); }

  @AfterAll static void close() {
    if (redis != null) {
      redis.close().block();
      RedisTestSupport.cleanUp(RedisStructuresIT.class);
    }
  }

  @Test void aRecordIsStoredFieldByFieldAndReadBack() {
    redis.hash(PROFILES).put("1", ada).block();
    assertThat(redis.hash(PROFILES).get("1").block()).isEqualTo(ada);
    Map<String, String> raw = RedisTestSupport.raw(c -> c.hgetall(redis.prefix() + "profile:1"));
    assertThat(raw).containsExactlyInAnyOrderEntriesOf(Map.of("name", "Ada", "age", "36", "plan", "PRO",
        "balance", "12.50", "seen", "2026-03-04T05:06:07Z", "id", "00000000-0000-0000-0000-000000000042",
        "active", "true", "tags", "[\"math\",\"engines\"]"));
    assertThat(redis.hash(PROFILES).get("none").blockOptional()).isEmpty();
  }

  static final HashField<Plan> PLAN = PROFILES.field("plan", Plan.class);
  static final HashField<Integer> AGE = PROFILES.field("age", Integer.class);
  static final HashField<String> NAME = PROFILES.field("name", String.class);
  static final HashField<BigDecimal> BALANCE = PROFILES.field("balance", BigDecimal.class);

  @Test void oneFieldIsReadWrittenAndIncrementedAlone() {
    redis.hash(PROFILES).put("2", ada).block();
    assertThat(redis.hash(PROFILES).field("2", PLAN).block()).isEqualTo(Plan.PRO);
    assertThat(redis.hash(PROFILES).field("2", BALANCE).block()).isEqualByComparingTo("12.50");
    assertThat(redis.hash(PROFILES).increment("2", AGE, 2).block()).isEqualTo(38L);
    redis.hash(PROFILES).setField("2", NAME, "Ada L.").block();
    Profile p = redis.hash(PROFILES).get("2").block();
    assertThat(p.age()).isEqualTo(38);
    assertThat(p.name()).isEqualTo("Ada L.");
    assertThat(redis.hash(PROFILES).field("none", AGE).blockOptional()).isEmpty();
    assertThatThrownBy(() -> redis.hash(PROFILES).increment("2", BALANCE, 1))
        .isInstanceOf(MappingException.class).hasMessageContaining("HINCRBY cannot increment");
  }

  @Test void aFieldOfAnotherTypeOrNameFailsWhenDeclared() {
    assertThatThrownBy(() -> PROFILES.field("age", String.class))
        .isInstanceOf(MappingException.class).hasMessage("Component age of Profile is a int, not String");
    assertThatThrownBy(() -> PROFILES.field("email", String.class))
        .isInstanceOf(MappingException.class)
        .hasMessage("Profile has no component 'email'; its components are [name, age, plan, balance, seen, id, active, tags]");
  }

  @Test void nullComponentsAreRemovedFromTheHashAndAMissingPrimitiveIsAnError() {
    redis.hash(PROFILES).put("3", ada).block();
    Profile without = new Profile("Ada", 36, null, null, null, null, false, null);
    redis.hash(PROFILES).put("3", without).block();
    assertThat(redis.hash(PROFILES).get("3").block()).isEqualTo(without);
    List<String> keys = RedisTestSupport.raw(c -> c.hkeys(redis.prefix() + "profile:3"));
    assertThat(keys).containsExactlyInAnyOrder("name", "age", "active");
    RedisTestSupport.raw(c -> c.hdel(redis.prefix() + "profile:3", "age"));
    assertThatThrownBy(() -> redis.hash(PROFILES).get("3").block()).isInstanceOf(MappingException.class)
        .hasMessageContaining("has no field 'age' for the primitive component int age of Profile");
  }

  @Test void listsKeepTypedElementsInOrder() {
    var list = redis.list(POINTS);
    assertThat(list.push("path", new Point(1, 1)).block()).isEqualTo(1L);
    assertThat(list.pushAll("path", List.of(new Point(2, 2), new Point(3, 3))).block()).isEqualTo(3L);
    assertThat(list.pushFirst("path", new Point(0, 0)).block()).isEqualTo(4L);
    assertThat(list.range("path", 0, -1).collectList().block())
        .containsExactly(new Point(0, 0), new Point(1, 1), new Point(2, 2), new Point(3, 3));
    assertThat(list.popFirst("path").block()).isEqualTo(new Point(0, 0));
    assertThat(list.popLast("path").block()).isEqualTo(new Point(3, 3));
    list.trim("path", 1, 1).block();
    assertThat(list.range("path", 0, -1).collectList().block()).containsExactly(new Point(2, 2));
    assertThat(list.size("path").block()).isEqualTo(1L);
    assertThat(list.popFirst("empty").blockOptional()).isEmpty();
  }

  @Test void setsHoldEachMemberOnce() {
    var set = redis.set(TAGS);
    assertThat(set.add("post", "java").block()).isTrue();
    assertThat(set.add("post", "java").block()).isFalse();
    assertThat(set.addAll("post", List.of("redis", "reactor", "java")).block()).isEqualTo(2L);
    assertThat(set.members("post").collectList().block()).containsExactlyInAnyOrder("java", "redis", "reactor");
    assertThat(set.contains("post", "redis").block()).isTrue();
    assertThat(set.remove("post", "redis").block()).isTrue();
    assertThat(set.contains("post", "redis").block()).isFalse();
    assertThat(set.size("post").block()).isEqualTo(2L);
  }

  @Test void largeSetsStreamByScan() {
    List<String> many = java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "m" + i).toList();
    assertThat(redis.set(TAGS).addAll("big", many).block()).isEqualTo(3000L);
    assertThat(redis.set(TAGS).scanMembers("big").collectList().block())
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(many);
    assertThat(redis.set(TAGS).scanMembers("big").take(5).collectList().block()).hasSize(5);
  }

  @Test void sortedSetsOrderMembersByScore() {
    var z = redis.sortedSet(SCORES);
    assertThat(z.add("game", "ada", 120).block()).isTrue();
    assertThat(z.add("game", "bob", 80).block()).isTrue();
    assertThat(z.add("game", "cy", 100).block()).isTrue();
    assertThat(z.add("game", "bob", 90).block()).isFalse();
    assertThat(z.incrementScore("game", "cy", 25.5).block()).isEqualTo(125.5);
    assertThat(z.top("game", 2).collectList().block())
        .containsExactly(new Scored<>("cy", 125.5), new Scored<>("ada", 120.0));
    assertThat(z.rangeByScore("game", 85, 121).collectList().block())
        .containsExactly(new Scored<>("bob", 90.0), new Scored<>("ada", 120.0));
    assertThat(z.rank("game", "bob").block()).isEqualTo(0L);
    assertThat(z.score("game", "nobody").blockOptional()).isEmpty();
    assertThat(z.remove("game", "bob").block()).isTrue();
    assertThat(z.size("game").block()).isEqualTo(2L);
  }
}
