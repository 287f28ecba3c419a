package dev.sluice.redis;

import static dev.sluice.query.Dsl.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.contract.CountingConnectionFactory;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows cached in Redis by one instance of a service and read by another, each with its own
 * {@code Database} on one SQLite file: a hit on instance two runs nothing on its connections, and a
 * write through either drops the entries of its table for both. What Redis holds is checked too: an
 * entry and its index sets, no entry of another generation read after invalidateAll, and an entry
 * whose bytes were changed in Redis is a miss, never wrong rows. With Redis unreachable, reads still
 * succeed, from the database.
 */
class RedisQueryCacheIT {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir Path dir;
  private final RedisStore redis = RedisTestSupport.store(RedisQueryCacheIT.class);
  private final AtomicInteger onOne = new AtomicInteger();
  private final AtomicInteger onTwo = new AtomicInteger();

  public record Note(Integer id, String body) {}

  public static final class Notes extends Table<Note> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> body = varchar("body", 100).notNull();

    public Notes() { super("notes"); }
  }

  static final Notes NOTES = new Notes();

  @AfterEach
  void cleanUp() {
    RedisTestSupport.cleanUp(RedisQueryCacheIT.class);
    redis.close().block(T);
  }

  private Database instance(AtomicInteger statements, RedisQueryCache cache) {
    String url = "r2dbc:sqlite:///" + dir.resolve("shared.db");
    return Database.builder().connectionFactory(CountingConnectionFactory.wrap(ConnectionFactories.get(url), statements))
        .pooled(false).cache(cache).build();
  }

  private static List<String> bodies(Database db) {
    return db.selectFrom(NOTES).orderBy(NOTES.id).cached(Duration.ofMinutes(5)).list()
        .map(l -> l.stream().map(Note::body).toList()).block(T);
  }

  @Test
  void twoInstancesShareRowsAndInvalidations() {
    Database one = instance(onOne, RedisQueryCache.over(redis, "notes"));
    Database two = instance(onTwo, RedisQueryCache.over(redis, "notes"));
    one.createTables(NOTES).block(T);
    one.insertInto(NOTES).values(new Note(null, "first")).execute().block(T);
    onOne.set(0);
    onTwo.set(0);

    assertThat(bodies(one)).containsExactly("first");
    assertThat(onOne).as("instance one read the database").hasValue(1);
    assertThat(bodies(two)).containsExactly("first");
    assertThat(onTwo).as("instance two found instance one's rows in Redis").hasValue(0);
    List<String> keys = RedisTestSupport.raw(c -> c.keys(RedisTestSupport.prefix(RedisQueryCacheIT.class) + "sluice-cache:notes:*"));
    String generation = RedisTestSupport.raw(c -> c.get(RedisTestSupport.prefix(RedisQueryCacheIT.class)
        + "sluice-cache:notes:gen"));
    assertThat(generation).as("createTables is DDL: it invalidated everything once").isEqualTo("1");
    assertThat(keys).as("the generation, one entry and the set of its table")
        .hasSize(3).anySatisfy(k -> assertThat(k).endsWith("sluice-cache:notes:t:1:notes"))
        .anySatisfy(k -> assertThat(k).matches(".*sluice-cache:notes:e:1:[0-9a-f]{64}"));

    two.insertInto(NOTES).values(new Note(null, "second")).execute().block(T);
    assertThat(bodies(one)).as("instance two's write dropped instance one's entry").containsExactly("first", "second");
    assertThat(onOne).hasValue(2);

    two.invalidateTags("unused").block(T);
    one.update(NOTES).set(NOTES.body, "1st").where(eq(NOTES.body, "first")).execute().block(T);
    assertThat(bodies(two)).containsExactly("1st", "second");
  }

  @Test
  void invalidateAllMovesToANewGenerationAndOldEntriesAreNotRead() {
    Database one = instance(onOne, RedisQueryCache.over(redis, "gen"));
    one.createTables(NOTES).block(T);
    one.insertInto(NOTES).values(new Note(null, "a")).execute().block(T);
    onOne.set(0);
    bodies(one);
    bodies(one);
    assertThat(onOne).hasValue(1);
    String key = RedisTestSupport.prefix(RedisQueryCacheIT.class) + "sluice-cache:gen:gen";
    String before = RedisTestSupport.raw(c -> c.get(key));
    one.sql("UPDATE notes SET body = {0}", "b").execute().block(T);
    assertThat(bodies(one)).as("a raw write may write anything: the next generation").containsExactly("b");
    String after = RedisTestSupport.raw(c -> c.get(key));
    assertThat(Long.parseLong(after)).isEqualTo(Long.parseLong(before) + 1);
    assertThat(onOne).hasValue(3);
  }

  @Test
  void anEntryChangedInRedisIsAMissNeverWrongRows() {
    Database one = instance(onOne, RedisQueryCache.over(redis, "tamper"));
    one.createTables(NOTES).block(T);
    one.insertInto(NOTES).values(new Note(null, "a")).execute().block(T);
    onOne.set(0);
    bodies(one);
    String prefix = RedisTestSupport.prefix(RedisQueryCacheIT.class) + "sluice-cache:tamper:e:";
    List<String> entries = RedisTestSupport.raw(c -> c.keys(prefix + "*"));
    assertThat(entries).hasSize(1);
    RedisTestSupport.raw(c -> c.set(entries.get(0), "not rows"));
    assertThat(bodies(one)).containsExactly("a");
    assertThat(onOne).as("the changed entry was a miss: read from the database").hasValue(2);
  }

  @Test
  void withRedisUnreachableReadsComeFromTheDatabase() {
    RedisStore down = RedisStore.connect("redis://127.0.0.1:1", Duration.ofSeconds(2));
    try {
      Database one = instance(onOne, RedisQueryCache.over(down, "down"));
      one.createTables(NOTES).block(T);
      one.insertInto(NOTES).values(new Note(null, "a")).execute().block(T);
      onOne.set(0);
      assertThat(bodies(one)).containsExactly("a");
      assertThat(bodies(one)).containsExactly("a");
      assertThat(onOne).as("nothing cached: each read went to the database").hasValue(2);
      one.insertInto(NOTES).values(new Note(null, "b")).execute().block(T);
      assertThat(bodies(one)).as("a write whose invalidation failed still commits").containsExactly("a", "b");
    } finally {
      down.close().onErrorResume(e -> reactor.core.publisher.Mono.empty()).block(T);
    }
  }
}
