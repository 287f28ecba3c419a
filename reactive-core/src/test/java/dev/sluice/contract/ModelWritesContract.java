package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.Schema.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Values;
import dev.sluice.testing.Kitchen;
import dev.sluice.testing.User;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes without ceremony on a live database: typed partial inserts (one row and many), updates
 * from a record (every column or the non-null ones), increments, {@code save}, {@code firstOrInsert},
 * and the read shortcuts {@code exists}, {@code count}, {@code pluck} and {@code chunks}.
 */
public abstract class ModelWritesContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);
  private static final OffsetDateTime JAN = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

  private List<User> users() {
    return db.selectFrom(USERS).orderBy(USERS.id).fetch().collectList().block(T);
  }

  private User dan() {
    return db.insertInto(USERS).set(USERS.fullName, "Dan").set(USERS.phone, "555")
        .set(USERS.email, "dan@x.io").returning().block(T);
  }

  @Test
  void aPartialInsertLeavesTheColumnsItDoesNotSetToTheDatabase() {
    User dan = dan();
    assertThat(dan.id()).as("serial key").isNotNull();
    assertThat(dan.createdAt()).as("DEFAULT CURRENT_TIMESTAMP").isNotNull();
    assertThat(dan.fullName()).isEqualTo("Dan");
    assertThat(dan.phone()).isEqualTo("555");
    assertThat(users()).containsExactly(dan);
    assertThat(db.insertInto(USERS).set(USERS.fullName, "Ann").execute().block(T)).isEqualTo(1L);
    assertThat(users()).extracting(User::fullName, User::phone, User::email)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Dan", "555", "dan@x.io"),
            org.assertj.core.groups.Tuple.tuple("Ann", null, null));
  }

  @Test
  void manyPartialRowsAreInsertedInChunksAtomically() {
    var small = builder().maxRowsPerInsert(2).build();
    List<Values<User>> rows = IntStream.range(0, 5).mapToObj(i ->
        Values.of(USERS).set(USERS.fullName, "u" + i).set(USERS.email, "u" + i + "@x.io")).toList();
    assertThat(small.insertInto(USERS).rows(rows).execute().block(T)).as("chunks of 2, 2, 1").isEqualTo(5L);
    assertThat(users()).extracting(User::fullName).containsExactly("u0", "u1", "u2", "u3", "u4");
    assertThat(users()).extracting(User::createdAt).doesNotContainNull();
    List<User> back = db.insertInto(USERS).rows(List.of(Values.of(USERS).set(USERS.fullName, "x"),
        Values.of(USERS).set(USERS.fullName, "y"))).returning().collectList().block(T);
    assertThat(back).extracting(User::fullName).containsExactly("x", "y");
    assertThat(back).extracting(User::id).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void aFailingChunkOfPartialRowsLeavesNothingWritten() {
    var small = builder().maxRowsPerInsert(2).build();
    List<Values<User>> rows = List.of(
        Values.of(USERS).set(USERS.fullName, "a").set(USERS.email, "same@x.io"),
        Values.of(USERS).set(USERS.fullName, "b").set(USERS.email, "b@x.io"),
        Values.of(USERS).set(USERS.fullName, "c").set(USERS.email, "same@x.io"));
    assertThatThrownBy(() -> small.insertInto(USERS).rows(rows).execute().block(T))
        .isInstanceOf(dev.sluice.error.UniqueViolationException.class);
    assertThat(users()).as("the first chunk rolled back").isEmpty();
  }

  @Test
  void partialRowsSettingDifferentColumnsAreRefusedBeforeAnythingIsSent() {
    List<Values<User>> rows = List.of(Values.of(USERS).set(USERS.fullName, "a"),
        Values.of(USERS).set(USERS.fullName, "b").set(USERS.phone, "1"));
    assertThatThrownBy(() -> db.insertInto(USERS).rows(rows))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Row 1 inserted into users sets [full_name, phone] but row 0 sets [full_name]; "
            + "every row of one insert must set the same columns");
    assertThatThrownBy(() -> db.insertInto(USERS).set(USERS.fullName, "a").set(USERS.fullName, "b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Column users.full_name is set twice");
    assertThatThrownBy(() -> db.insertInto(USERS).set(CITIES.name, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Column cities.name does not belong to table users");
    assertThat(users()).isEmpty();
  }

  @Test
  void aPartialUpsertOverwritesOnlyTheColumnsItSets() {
    User dan = dan();
    long n = db.insertInto(USERS).set(USERS.fullName, "Daniel").set(USERS.email, "dan@x.io")
        .onConflict(USERS.email).doUpdateAll().execute().block(T);
    assertThat(n).as("rows reported").isPositive();
    assertThat(users()).containsExactly(new User(dan.id(), "Daniel", "555", "dan@x.io", dan.createdAt()));
  }

  @Test
  void updateSetRecordWritesEveryNonKeyColumnNullsIncluded() {
    User dan = dan();
    User changed = new User(dan.id(), "Daniel", null, "daniel@x.io", JAN);
    assertThat(db.update(USERS).set(changed).where(eq(USERS.id, dan.id())).execute().block(T)).isEqualTo(1L);
    User stored = users().get(0);
    assertThat(stored.fullName()).isEqualTo("Daniel");
    assertThat(stored.phone()).as("null written").isNull();
    assertThat(stored.email()).isEqualTo("daniel@x.io");
    assertThat(stored.createdAt().toInstant()).isEqualTo(JAN.toInstant());
  }

  @Test
  void updateSetNonNullWritesOnlyTheComponentsGiven() {
    User dan = dan();
    long n = db.update(USERS).setNonNull(new User(null, null, "777", null, null))
        .where(eq(USERS.id, dan.id())).execute().block(T);
    assertThat(n).isEqualTo(1L);
    assertThat(users()).containsExactly(new User(dan.id(), "Dan", "777", "dan@x.io", dan.createdAt()));
    assertThatThrownBy(() -> db.update(USERS).setNonNull(new User(dan.id(), null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Nothing to update in users: every non-key component of the record is null");
  }

  @Test
  void incrementAndDecrementAddToTheStoredValue() {
    Kitchen k = db.insertInto(KITCHENS).set(KITCHENS.medium, 10).set(KITCHENS.big, 100L).returning().block(T);
    db.update(KITCHENS).increment(KITCHENS.medium, 5).decrement(KITCHENS.big, 30L)
        .where(eq(KITCHENS.id, k.id())).execute().block(T);
    db.update(KITCHENS).increment(KITCHENS.medium, 1).where(eq(KITCHENS.id, k.id())).execute().block(T);
    Kitchen stored = db.selectFrom(KITCHENS).fetchOne().block(T);
    assertThat(stored.medium()).isEqualTo(16);
    assertThat(stored.big()).isEqualTo(70L);
  }

  @Test
  void saveInsertsARecordWithoutKeyAndUpsertsOneWithKey() {
    User first = db.save(USERS, new User(null, "Dan", null, "dan@x.io", JAN)).block(T);
    assertThat(first.id()).as("generated key").isNotNull();
    User again = db.save(USERS, new User(first.id(), "Daniel", "555", "dan@x.io", JAN)).block(T);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.fullName()).isEqualTo("Daniel");
    assertThat(users()).hasSize(1).extracting(User::fullName, User::phone)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Daniel", "555"));
    int id = first.id() + 1000;
    User given = db.save(USERS, new User(id, "Ann", null, "ann@x.io", JAN)).block(T);
    assertThat(given.id()).isEqualTo(id);
    assertThat(users()).extracting(User::id).containsExactly(first.id(), id);
  }

  @Test
  void firstOrInsertInsertsOnceAndThenFindsTheRow() {
    User dan = new User(null, "Dan", null, "dan@x.io", JAN);
    User inserted = db.firstOrInsert(USERS, eq(USERS.email, "dan@x.io"), dan).block(T);
    User found = db.firstOrInsert(USERS, eq(USERS.email, "dan@x.io"),
        new User(null, "Other", null, "dan@x.io", JAN)).block(T);
    assertThat(found).isEqualTo(inserted);
    assertThat(users()).containsExactly(inserted);
  }

  @Test
  void aFirstOrInsertRefusedByAUniqueKeyLeavesItsTransactionUsable() {
    dan();
    db.inTransaction(tx -> tx.firstOrInsert(USERS, eq(USERS.fullName, "Daniel"),
                new User(null, "Daniel", null, "dan@x.io", JAN))
            .onErrorResume(dev.sluice.error.UniqueViolationException.class, e -> Mono.empty())
            .then(tx.insertInto(USERS).set(USERS.fullName, "Ann").execute()))
        .blockLast(T);
    assertThat(users()).extracting(User::fullName).containsExactly("Dan", "Ann");
  }

  @Test
  void concurrentFirstOrInsertOfOneUniqueKeyYieldsOneRow() {
    User dan = new User(null, "Dan", null, "dan@x.io", JAN);
    List<User> got = Flux.range(0, 4)
        .flatMap(i -> db.firstOrInsert(USERS, eq(USERS.email, "dan@x.io"), dan), 4)
        .collectList().block(T);
    assertThat(users()).hasSize(1);
    assertThat(got).hasSize(4).allMatch(u -> u.id().equals(users().get(0).id()));
  }

  @Test
  void existsCountAndPluckReadWhatTheFilterSelects() {
    Flux.range(0, 5).concatMap(i -> db.insertInto(USERS).set(USERS.fullName, "u" + i)
        .set(USERS.phone, i % 2 == 0 ? "even" : null).execute()).blockLast(T);
    assertThat(db.selectFrom(USERS).where(isNotNull(USERS.phone)).count().block(T)).isEqualTo(3L);
    assertThat(db.selectFrom(USERS).where(eq(USERS.fullName, "nobody")).count().block(T)).isZero();
    assertThat(db.selectFrom(USERS).where(eq(USERS.fullName, "u3")).exists().block(T)).isTrue();
    assertThat(db.selectFrom(USERS).where(eq(USERS.fullName, "nobody")).exists().block(T)).isFalse();
    assertThat(db.selectFrom(USERS).where(isNotNull(USERS.phone)).orderBy(USERS.fullName)
        .pluck(USERS.fullName).collectList().block(T)).containsExactly("u0", "u2", "u4");
  }

  @Test
  void chunksDeliverTheRowsInListsOfTheGivenSize() {
    Flux.range(0, 5).concatMap(i -> db.insertInto(USERS).set(USERS.fullName, "u" + i).execute()).blockLast(T);
    List<List<User>> chunks = db.selectFrom(USERS).orderBy(USERS.fullName).chunks(2).collectList().block(T);
    assertThat(chunks).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(chunks.stream().flatMap(List::stream).map(User::fullName))
        .containsExactly("u0", "u1", "u2", "u3", "u4");
    assertThat(db.selectFrom(USERS).orderBy(USERS.id).chunks(2).take(1).then(Mono.just(true)).block(T))
        .as("a cancelled chunked read completes").isTrue();
  }

  @Test
  void eachShortcutIsOneStatement() {
    User dan = dan();
    Kitchen k = db.insertInto(KITCHENS).set(KITCHENS.medium, 10).returning().block(T);
    java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
    dev.sluice.Database counted = dev.sluice.Database.builder()
        .connectionFactory(CountingConnectionFactory.wrap(pool, sent)).pooled(false).build();
    java.util.Map<String, Integer> statements = new java.util.LinkedHashMap<>();
    java.util.function.BiConsumer<String, Runnable> count = (name, op) -> {
      int before = sent.get();
      op.run();
      statements.put(name, sent.get() - before);
    };
    count.accept("exists", () -> counted.selectFrom(USERS).where(eq(USERS.fullName, "Dan")).exists().block(T));
    count.accept("count", () -> counted.selectFrom(USERS).count().block(T));
    count.accept("pluck", () -> counted.selectFrom(USERS).pluck(USERS.fullName).collectList().block(T));
    count.accept("increment", () -> counted.update(KITCHENS).increment(KITCHENS.medium, 1)
        .where(eq(KITCHENS.id, k.id())).execute().block(T));
    count.accept("firstOrInsert (found)", () -> counted.firstOrInsert(USERS, eq(USERS.id, dan.id()), dan).block(T));
    count.accept("save (update by key)", () -> counted.save(USERS, new User(dan.id(), "Daniel", "555", "dan@x.io", JAN))
        .block(T));
    // save's upsert returns the row where it can (RETURNING); H2's MERGE and MySQL read it back by key
    int save = java.util.Set.of("mysql", "h2").contains(db.dialect().name()) ? 2 : 1;
    assertThat(statements).containsExactly(java.util.Map.entry("exists", 1), java.util.Map.entry("count", 1),
        java.util.Map.entry("pluck", 1), java.util.Map.entry("increment", 1),
        java.util.Map.entry("firstOrInsert (found)", 1), java.util.Map.entry("save (update by key)", save));
    assertThat(users()).extracting(User::fullName).containsExactly("Daniel");
  }
}
