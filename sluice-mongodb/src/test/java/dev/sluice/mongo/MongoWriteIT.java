package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.all;
import static dev.sluice.mongo.MongoDsl.asc;
import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.MongoDsl.gte;
import static dev.sluice.mongo.MongoDsl.like;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.UniqueViolationException;
import dev.sluice.mongo.testing.Fixtures.User;
import dev.sluice.mongo.testing.InProcessMongo;
import java.math.BigDecimal;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;

/** Inserts, updates, replaces, upserts, deletes and chunked bulk writes, with the documents checked afterwards. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoWriteIT {
  private final InProcessMongo mongo = new InProcessMongo();
  private final MongoStore store = mongo.store();
  private final TypedCollection<User> users = store.collection(USERS);

  @BeforeEach void empty() {
    store.drop(USERS).then(store.createIndexes(USERS)).block();
  }

  @AfterAll void stop() { mongo.close(); }

  private List<String> names() {
    return users.find().sort(asc(USERS.name)).fetch().map(User::name).collectList().block();
  }

  @Test
  void orderedInsertManyStopsAtTheFirstDuplicateAndReportsItsIndex() {
    users.insert(user("Bob", 30, "Oslo")).block();
    WriteReport r = users.insertMany(List.of(user("Ann", 20, "Oslo"), user("Bob", 31, "Oslo"),
        user("Cid", 40, "Oslo")), true).block();
    assertThat(r.inserted()).isEqualTo(1);
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).index()).isEqualTo(1);
    assertThat(r.failures().get(0).error()).isInstanceOf(UniqueViolationException.class);
    assertThat(((UniqueViolationException) r.failures().get(0).error()).constraint()).isEqualTo("users_email");
    assertThat(names()).containsExactly("Ann", "Bob");
  }

  @Test
  void unorderedInsertManyTriesEveryDocumentAndReportsEachFailure() {
    users.insert(user("Bob", 30, "Oslo")).block();
    WriteReport r = users.insertMany(List.of(user("Bob", 1, "Oslo"), user("Ann", 20, "Oslo"),
        user("Bob", 2, "Oslo"), user("Cid", 40, "Oslo")), false).block();
    assertThat(r.inserted()).isEqualTo(2);
    assertThat(r.failures()).extracting(WriteFailure::index).containsExactly(0, 2);
    assertThat(r.complete()).isFalse();
    assertThatThrownBy(r::orThrow).isInstanceOf(UniqueViolationException.class);
    assertThat(names()).containsExactly("Ann", "Bob", "Cid");
  }

  @Test
  void typedUpdateOperatorsChangeTheDocument() {
    User bob = users.insert(user("Bob", 30, "Oslo", "a", "b", "a")).block();
    UpdateReport r = users.update(eq(USERS.id, bob.id()))
        .set(USERS.email, "robert@x").inc(USERS.age, 2).push(USERS.tags, "c").unset(USERS.balance)
        .set(USERS.address.at(a -> a.city), "Bergen").one().block();
    assertThat(r).isEqualTo(new UpdateReport(1, 1, false));
    users.update(eq(USERS.id, bob.id())).pull(USERS.tags, "a").one().block();
    User after = users.find(eq(USERS.id, bob.id())).fetchOne().block();
    assertThat(after.email()).isEqualTo("robert@x");
    assertThat(after.age()).isEqualTo(32);
    assertThat(after.tags()).containsExactly("b", "c");
    assertThat(after.balance()).isNull();
    assertThat(after.address().city()).isEqualTo("Bergen");
    assertThat(after.address().zip()).isEqualTo("0150");
  }

  @Test
  void updateManyUpsertAndFindOneAndUpdate() {
    users.insertMany(List.of(user("Ann", 20, "Oslo"), user("Bob", 30, "Oslo"), user("Cid", 40, "Oslo")), true)
        .block().orThrow();
    assertThat(users.update(gte(USERS.age, 30)).inc(USERS.age, 1).many().block())
        .isEqualTo(new UpdateReport(2, 2, false));
    assertThat(users.update(eq(USERS.name, "Zed")).set(USERS.age, 99).upsert().one().block())
        .isEqualTo(new UpdateReport(0, 0, true));
    assertThat(users.find(eq(USERS.name, "Zed")).fetchOne().block().age()).isEqualTo(99);

    User after = users.update(eq(USERS.name, "Ann")).inc(USERS.age, 5).andGet().block();
    assertThat(after.age()).isEqualTo(25);
    User before = users.update(eq(USERS.name, "Ann")).inc(USERS.age, 5).andGetBefore().block();
    assertThat(before.age()).isEqualTo(25);
    assertThat(users.update(eq(USERS.name, "Nobody")).inc(USERS.age, 1).andGet().blockOptional()).isEmpty();
  }

  @Test
  void replaceUpsertAndDelete() {
    User bob = users.insert(user("Bob", 30, "Oslo")).block();
    User renamed = new User(bob.id(), "Robert", bob.email(), 31, true, new BigDecimal("1.5"), bob.joined(), null,
        bob.role(), List.of(), bob.address());
    assertThat(users.replace(eq(USERS.id, bob.id()), renamed).block()).isEqualTo(new UpdateReport(1, 1, false));
    assertThat(users.find(eq(USERS.id, bob.id())).fetchOne().block()).isEqualTo(renamed);

    User fresh = users.upsert(user("Ann", 20, "Oslo")).block();
    assertThat(fresh.id()).isNotNull();
    users.upsert(new User(fresh.id(), "Anna", fresh.email(), 21, true, null, null, null, null, List.of(), null)).block();
    assertThat(names()).containsExactly("Anna", "Robert");

    assertThat(users.deleteOne(like(USERS.name, "%")).block()).isEqualTo(1L);
    assertThat(users.delete(all()).block()).isEqualTo(1L);
    assertThat(users.count().block()).isZero();
  }

  @Test
  void insertAllWritesAStreamInChunks() {
    int before = mongo.commands("insert").size();
    Long n = users.insertAll(Flux.range(0, 2_500).map(i -> user("U" + i, i % 90, "Oslo")), 1_000).block();
    assertThat(n).isEqualTo(2_500L);
    assertThat(users.count().block()).isEqualTo(2_500L);
    assertThat(mongo.commands("insert").size() - before).isEqualTo(3);
  }

  @Test
  void aDuplicateKeyIsAUniqueViolationNamingTheIndexWithoutTheValue() {
    users.insert(user("Bob", 30, "Oslo")).block();
    assertThatThrownBy(() -> users.insert(user("Bob", 31, "Oslo")).block())
        .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
          assertThat(e.constraint()).isEqualTo("users_email");
          assertThat(e.table()).isEqualTo("users");
          assertThat(e.sql()).isEqualTo("users.insertOne");
          assertThat(e.getMessage()).isEqualTo(
              "duplicate key in collection 'users' on index 'users_email' during users.insertOne");
          assertThat(e.getCause()).isInstanceOf(MongoDriverError.class);
          assertThat(e.getCause().getMessage()).doesNotContain("bob@example.com");
          assertThat(((MongoDriverError) e.getCause()).code()).isEqualTo(11000);
        });
  }

  @Test
  void indexesAreCreatedFromTheDeclaration() {
    List<BsonDocument> indexes = Flux.from(store.driverDatabase().getCollection("users", BsonDocument.class)
        .listIndexes(BsonDocument.class)).collectList().block();
    assertThat(indexes).extracting(i -> i.getString("name").getValue())
        .containsExactlyInAnyOrder("_id_", "users_email", "users_city_age", "users_joined_ttl", "users_active_name");
    BsonDocument email = find(indexes, "users_email");
    assertThat(email.getDocument("key").toJson()).isEqualTo("{\"email\": 1}");
    assertThat(email.getBoolean("unique").getValue()).isTrue();
    assertThat(find(indexes, "users_city_age").getDocument("key").toJson())
        .isEqualTo("{\"address.city\": 1, \"age\": -1}");
    assertThat(find(indexes, "users_joined_ttl").getNumber("expireAfterSeconds").longValue())
        .isEqualTo(3650L * 24 * 3600);
  }

  private static BsonDocument find(List<BsonDocument> indexes, String name) {
    return indexes.stream().filter(i -> i.getString("name").getValue().equals(name)).findFirst().orElseThrow();
  }
}
