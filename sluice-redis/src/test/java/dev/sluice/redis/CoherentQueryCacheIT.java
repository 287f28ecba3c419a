package dev.sluice.redis;

import static dev.sluice.query.Dsl.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.cache.InMemoryQueryCache;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of a service, each with its own in-memory query cache on one SQLite database, kept
 * coherent through the local Redis: a write through one drops the other's cached reads.
 */
class CoherentQueryCacheIT {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir Path dir;

  public record Note(Integer id, String body) {}

  public static final class Notes extends Table<Note> {
    public final Column<Integer> id = serial("id").primaryKey();
    public final Column<String> body = varchar("body", 100).notNull();

    public Notes() { super("notes"); }
  }

  static final Notes NOTES = new Notes();

  @Test
  void aWriteOnOneInstanceDropsTheOtherInstancesCachedReads() throws InterruptedException {
    RedisStore redis = RedisTestSupport.store(CoherentQueryCacheIT.class);
    String channel = RedisTestSupport.prefix(CoherentQueryCacheIT.class) + "notes-db";
    String url = "r2dbc:sqlite:///" + dir.resolve("shared.db");
    InMemoryQueryCache local1 = InMemoryQueryCache.builder().build();
    InMemoryQueryCache local2 = InMemoryQueryCache.builder().build();
    try (CoherentQueryCache c1 = CoherentQueryCache.over(redis, channel, local1);
         CoherentQueryCache c2 = CoherentQueryCache.over(redis, channel, local2)) {
      Database one = Database.builder().url(url).cache(c1).build();
      Database two = Database.builder().url(url).cache(c2).build();
      try {
        Thread.sleep(300); // both subscriptions open (a message sent before that would be missed)
        one.createTables(NOTES).block(T);
        one.insertInto(NOTES).values(new Note(null, "first")).execute().block(T);
        Supplier<List<String>> readOnTwo = () -> two.selectFrom(NOTES).orderBy(NOTES.id).cached(Duration.ofMinutes(5))
            .list().map(l -> l.stream().map(Note::body).toList()).block(T);
        assertThat(readOnTwo.get()).containsExactly("first");
        assertThat(local2.size()).as("cached on instance two").isEqualTo(1);

        one.insertInto(NOTES).values(new Note(null, "second")).execute().block(T);
        awaitEmpty(local2);
        assertThat(readOnTwo.get()).as("instance two sees instance one's write").containsExactly("first", "second");

        one.selectFrom(NOTES).where(eq(NOTES.body, "first")).cached(Duration.ofMinutes(5), "ref").list().block(T);
        assertThat(local1.size()).isEqualTo(1);
        two.invalidateTags("ref").block(T);
        awaitEmpty(local1);
      } finally {
        one.close().block(T);
        two.close().block(T);
      }
    } finally {
      RedisTestSupport.cleanUp(CoherentQueryCacheIT.class);
      redis.close().block(T);
    }
  }

  private static void awaitEmpty(InMemoryQueryCache cache) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (cache.size() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(cache.size()).as("dropped through Redis pub/sub").isZero();
  }
}
