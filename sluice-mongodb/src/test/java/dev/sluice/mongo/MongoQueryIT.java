package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.and;
import static dev.sluice.mongo.MongoDsl.asc;
import static dev.sluice.mongo.MongoDsl.contains;
import static dev.sluice.mongo.MongoDsl.containsAll;
import static dev.sluice.mongo.MongoDsl.desc;
import static dev.sluice.mongo.MongoDsl.elemMatch;
import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.MongoDsl.gt;
import static dev.sluice.mongo.MongoDsl.gte;
import static dev.sluice.mongo.MongoDsl.in;
import static dev.sluice.mongo.MongoDsl.isNull;
import static dev.sluice.mongo.MongoDsl.like;
import static dev.sluice.mongo.MongoDsl.lt;
import static dev.sluice.mongo.MongoDsl.lte;
import static dev.sluice.mongo.MongoDsl.ne;
import static dev.sluice.mongo.MongoDsl.not;
import static dev.sluice.mongo.MongoDsl.notIn;
import static dev.sluice.mongo.MongoDsl.or;
import static dev.sluice.mongo.MongoDsl.size;
import static dev.sluice.mongo.testing.Fixtures.ORDERS;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.TooManyRowsException;
import dev.sluice.mongo.testing.Fixtures.Line;
import dev.sluice.mongo.testing.Fixtures.Order;
import dev.sluice.mongo.testing.Fixtures.User;
import dev.sluice.mongo.testing.InProcessMongo;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SQL vocabulary against a live wire-protocol server: each operator selects exactly the documents it should. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoQueryIT {
  private final InProcessMongo mongo = new InProcessMongo();
  private final MongoStore store = mongo.store();
  private final TypedCollection<User> users = store.collection(USERS);

  @BeforeAll void fill() {
    users.insertMany(List.of(user("Ann", 17, "Oslo", "new"), user("Bob", 25, "Oslo", "vip", "new"),
        user("Cid", 31, "Bergen", "vip"), user("Dan", 44, "Bergen"), user("Dana", 52, "Tromsø", "vip", "old"),
        user("D%n", 60, "Oslo")), true).block().orThrow();
    users.insert(new User(null, "Eve", "eve@x", null, null, null, null, null, null, List.of(), null)).block();
    store.collection(ORDERS).insertMany(List.of(
        new Order(UUID.randomUUID(), new ObjectId(), 10L, List.of(new Line("A", 1), new Line("B", 5))),
        new Order(UUID.randomUUID(), new ObjectId(), 20L, List.of(new Line("A", 3)))), true).block().orThrow();
  }

  @AfterAll void stop() { mongo.close(); }

  private List<String> names(Filter filter) {
    return users.find(filter).sort(asc(USERS.name)).fetch().map(User::name).collectList().block();
  }

  @Test
  void comparisonOperatorsSelectTheRightDocuments() {
    assertThat(names(eq(USERS.age, 25))).containsExactly("Bob");
    assertThat(names(ne(USERS.age, 25))).containsExactly("Ann", "Cid", "D%n", "Dan", "Dana", "Eve");
    assertThat(names(gt(USERS.age, 44))).containsExactly("D%n", "Dana");
    assertThat(names(gte(USERS.age, 44))).containsExactly("D%n", "Dan", "Dana");
    assertThat(names(lt(USERS.age, 25))).containsExactly("Ann");
    assertThat(names(lte(USERS.age, 25))).containsExactly("Ann", "Bob");
    assertThat(names(in(USERS.name, "Ann", "Dan", "Zed"))).containsExactly("Ann", "Dan");
    assertThat(names(notIn(USERS.name, List.of("Ann", "Dan", "Eve", "D%n")))).containsExactly("Bob", "Cid", "Dana");
    assertThat(names(isNull(USERS.age))).containsExactly("Eve");
  }

  @Test
  void likeTreatsPercentAndUnderscoreAsWildcardsAndEverythingElseLiterally() {
    assertThat(names(like(USERS.name, "Da%"))).containsExactly("Dan", "Dana");
    assertThat(names(like(USERS.name, "D_n"))).containsExactly("D%n", "Dan");
    assertThat(names(like(USERS.name, "%a"))).containsExactly("Dana");
    assertThat(names(like(USERS.name, ".*"))).isEmpty();
  }

  @Test
  void logicalOperatorsCombine() {
    assertThat(names(and(eq(USERS.address.at(a -> a.city), "Oslo"), gte(USERS.age, 18))))
        .containsExactly("Bob", "D%n");
    assertThat(names(or(eq(USERS.name, "Ann"), gt(USERS.age, 50)))).containsExactly("Ann", "D%n", "Dana");
    assertThat(names(not(eq(USERS.address.at(a -> a.city), "Oslo")))).containsExactly("Cid", "Dan", "Dana", "Eve");
  }

  @Test
  void arrayOperatorsMatchElements() {
    assertThat(names(contains(USERS.tags, "vip"))).containsExactly("Bob", "Cid", "Dana");
    assertThat(names(containsAll(USERS.tags, List.of("vip", "new")))).containsExactly("Bob");
    assertThat(names(size(USERS.tags, 0))).containsExactly("D%n", "Dan", "Eve");
    assertThat(store.collection(ORDERS).find(elemMatch(ORDERS.lines, and(eq(ORDERS.line.sku, "A"), gt(ORDERS.line.qty, 2))))
        .fetch().map(Order::amount).collectList().block()).containsExactly(20L);
  }

  @Test
  void sortSkipLimitPage() {
    assertThat(users.find(gte(USERS.age, 0)).sort(desc(USERS.age)).skip(1).limit(2).fetch().map(User::name)
        .collectList().block()).containsExactly("Dana", "Dan");
    assertThat(users.find().sort(asc(USERS.address.at(a -> a.city)), desc(USERS.age)).limit(3).fetch().map(User::name)
        .collectList().block()).containsExactly("Eve", "Dan", "Cid");
  }

  record NameAge(String name, Integer age) {}

  record NameCity(ObjectId id, String name, dev.sluice.mongo.testing.Fixtures.Address address) {}

  @Test
  void projectionReadsOnlyTheRecordsKeys() {
    assertThat(users.find(eq(USERS.name, "Cid")).into(NameAge.class).fetchOne().block())
        .isEqualTo(new NameAge("Cid", 31));
    NameCity nc = users.find(eq(USERS.name, "Cid")).into(NameCity.class).fetchOne().block();
    assertThat(nc.address().city()).isEqualTo("Bergen");
    assertThat(nc.id()).isNotNull();
    var find = mongo.commands("find");
    assertThat(find.get(find.size() - 1).command().getDocument("projection").toJson())
        .isEqualTo("{\"_id\": 1, \"name\": 1, \"address\": 1}");
  }

  @Test
  void countExistsDistinct() {
    assertThat(users.count().block()).isEqualTo(7L);
    assertThat(users.count(eq(USERS.address.at(a -> a.city), "Oslo")).block()).isEqualTo(3L);
    assertThat(users.exists(eq(USERS.name, "Dan")).block()).isTrue();
    assertThat(users.exists(eq(USERS.name, "Zed")).block()).isFalse();
    assertThat(users.distinct(USERS.address.at(a -> a.city), gte(USERS.age, 18)).collectList().block())
        .containsExactlyInAnyOrder("Oslo", "Bergen", "Tromsø");
  }

  @Test
  void fetchOneFailsOnTwoAndFetchFirstTakesTheFirstInOrder() {
    assertThatThrownBy(() -> users.find(contains(USERS.tags, "vip")).fetchOne().block())
        .isInstanceOf(TooManyRowsException.class)
        .hasMessage("fetchOne found more than one document in collection 'users' (the filter's values are not shown)");
    assertThat(users.find(contains(USERS.tags, "vip")).sort(desc(USERS.age)).fetchFirst().block().name())
        .isEqualTo("Dana");
    assertThat(users.find(eq(USERS.name, "Zed")).fetchOne().blockOptional()).isEmpty();
  }

  @Test
  void fetchFirstAndExistsAreOneSingleBatchFindOfOneDocument() {
    int before = mongo.commands("find").size();
    assertThat(users.find(gte(USERS.age, 18)).sort(asc(USERS.age)).skip(1).fetchFirst().block().name())
        .isEqualTo("Cid");
    assertThat(users.exists(eq(USERS.name, "Dan")).block()).isTrue();
    assertThat(users.exists(eq(USERS.name, "Zed")).block()).isFalse();
    List<InProcessMongo.Sent> sent = mongo.commands("find").subList(before, mongo.commands("find").size());
    assertThat(sent).hasSize(3).allSatisfy(c -> {
      assertThat(c.command().getNumber("limit").intValue()).isEqualTo(1);
      assertThat(c.command().getBoolean("singleBatch").getValue()).isTrue();
    });
    assertThat(sent.get(0).command().getNumber("skip").intValue()).isEqualTo(1);
    assertThat(sent.get(1).command().getDocument("projection").toJson()).isEqualTo("{\"_id\": 1}");
  }

  @Test
  void fetchOneOnAnIdEqualityIsOneSingleBatchFindAndOtherFetchOnesStillSeeASecondDocument() {
    User dan = users.find(eq(USERS.name, "Dan")).fetchOne().block();
    int before = mongo.commands("find").size();
    assertThat(users.find(eq(USERS.id, dan.id())).fetchOne().block()).isEqualTo(dan);
    assertThat(users.find(eq(USERS.id, new org.bson.types.ObjectId())).fetchOne().blockOptional()).isEmpty();
    List<InProcessMongo.Sent> sent = mongo.commands("find").subList(before, mongo.commands("find").size());
    assertThat(sent).hasSize(2).allSatisfy(c -> {
      assertThat(c.command().getDocument("filter").keySet()).containsExactly("_id");
      assertThat(c.command().getNumber("limit").intValue()).isEqualTo(1);
      assertThat(c.command().getBoolean("singleBatch").getValue()).isTrue();
    });
    // not an _id equality: limit 2, so that a second document is seen
    before = mongo.commands("find").size();
    assertThatThrownBy(() -> users.find(MongoDsl.in(USERS.name, "Dan", "Dana")).fetchOne().block())
        .isInstanceOf(TooManyRowsException.class);
    assertThat(mongo.commands("find").get(before).command().getNumber("limit").intValue()).isEqualTo(2);
  }
}
