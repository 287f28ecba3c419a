package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.all;
import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.MongoDsl.lt;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.UniqueViolationException;
import dev.sluice.mongo.testing.Fixtures.User;
import dev.sluice.mongo.testing.InProcessMongo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Mixed bulk writes sent in chunks: the effects, the summed report, failures by their place in the stream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoBulkWriteIT {
  private final InProcessMongo mongo = new InProcessMongo();
  private final MongoStore store = mongo.store();
  private final TypedCollection<User> users = store.collection(USERS);

  @BeforeEach void empty() {
    store.drop(USERS).then(store.createIndexes(USERS)).block();
  }

  @AfterAll void stop() { mongo.close(); }

  private int insertCommands() {
    return mongo.commands("insert").size();
  }

  @Test
  void aStreamOfInsertsIsSentInChunksOfTheGivenSize() {
    int before = insertCommands();
    Flux<Write<User>> writes = Flux.range(0, 2_500).map(i -> Write.insert(user("U" + i, i % 90, "Oslo")));
    BulkReport r = users.bulkWrite(writes, 1_000, true).block();
    assertThat(r.inserted()).isEqualTo(2_500);
    assertThat(r.complete()).isTrue();
    assertThat(users.count().block()).isEqualTo(2_500L);
    List<Integer> sizes = mongo.commands("insert").subList(before, insertCommands()).stream()
        .map(c -> c.command().containsKey("documents") ? c.command().getArray("documents").size() : -1).toList();
    assertThat(sizes).containsExactly(1_000, 1_000, 500);
  }

  @Test
  void insertsUpdatesReplacesAndDeletesInOneBulkWriteAreSummed() {
    users.insertMany(List.of(user("Ann", 20, "Oslo"), user("Bob", 15, "Oslo"), user("Cid", 16, "Oslo")), true)
        .block().orThrow();
    User ann = users.find(eq(USERS.name, "Ann")).fetchOne().block();
    BulkReport r = users.bulkWrite(Flux.just(
        Write.insert(user("Dan", 40, "Bergen")),
        Write.updateOne(users.update(eq(USERS.name, "Ann")).inc(USERS.age, 1)),
        Write.updateMany(users.update(eq(USERS.address.at(a -> a.city), "Nowhere")).set(USERS.age, 1).upsert()),
        Write.replace(eq(USERS.id, ann.id()), new User(ann.id(), "Ann", "ann@new.org", 22, true, ann.balance(),
            ann.joined(), null, ann.role(), List.of("moved"), ann.address())),
        Write.deleteMany(lt(USERS.age, 18))), 2, true).block();
    assertThat(r).isEqualTo(new BulkReport(1, 2, 2, 1, 3, List.of()));
    assertThat(users.find(eq(USERS.id, ann.id())).fetchOne().block().email()).isEqualTo("ann@new.org");
    // Bob, Cid and the upserted document (age 1) deleted
    assertThat(users.find().fetch().map(User::name).collectList().block()).containsExactlyInAnyOrder("Ann", "Dan");
  }

  @Test
  void anOrderedBulkWriteStopsAtTheFirstFailureNamedByItsPlaceInTheStream() {
    users.insert(user("Bob", 30, "Oslo")).block();
    List<Write<User>> writes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      writes.add(Write.insert(user("A" + i, 20, "Oslo")));
    }
    writes.add(Write.insert(user("Bob", 31, "Oslo")));       // index 5: in the second chunk of 3
    writes.add(Write.insert(user("Cid", 40, "Oslo")));
    writes.add(Write.insert(user("Dan", 40, "Oslo")));       // third chunk: never sent
    int before = insertCommands();
    BulkReport r = users.bulkWrite(Flux.fromIterable(writes), 3, true).block();
    assertThat(r.inserted()).isEqualTo(5);
    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(5);
      assertThat(f.error()).isInstanceOfSatisfying(UniqueViolationException.class,
          e -> assertThat(e.constraint()).isEqualTo("users_email"));
    });
    assertThat(insertCommands() - before).isEqualTo(2);
    assertThat(users.count().block()).isEqualTo(6L);
  }

  @Test
  void anUnorderedBulkWriteTriesEveryWriteAndReportsEachFailure() {
    users.insert(user("Bob", 30, "Oslo")).block();
    BulkReport r = users.bulkWrite(Flux.just(Write.insert(user("Bob", 1, "Oslo")), Write.insert(user("Ann", 2, "Oslo")),
        Write.insert(user("Cid", 3, "Oslo")), Write.insert(user("Bob", 4, "Oslo")), Write.insert(user("Dan", 5, "Oslo"))),
        2, false).block();
    assertThat(r.inserted()).isEqualTo(3);
    assertThat(r.failures()).extracting(WriteFailure::index).containsExactly(0, 3);
    assertThat(users.count().block()).isEqualTo(4L);
  }

  @Test
  void aBulkWriteIsColdAndEachSubscriptionRunsItAgainFromTheStart() {
    Mono<BulkReport> write = users.bulkWrite(Flux.just(Write.deleteMany(all()), Write.insert(user("Eve", 30, "Oslo"))),
        1, true);
    assertThat(users.count().block()).isZero();
    assertThat(write.block().inserted()).isEqualTo(1);
    BulkReport again = write.block();
    assertThat(again.deleted()).isEqualTo(1);
    assertThat(again.inserted()).isEqualTo(1);
    assertThat(users.count().block()).isEqualTo(1L);
  }
}
