package dev.sluice.mongo;

import static dev.sluice.mongo.Accumulator.avg;
import static dev.sluice.mongo.Accumulator.count;
import static dev.sluice.mongo.Accumulator.max;
import static dev.sluice.mongo.Accumulator.push;
import static dev.sluice.mongo.Accumulator.sum;
import static dev.sluice.mongo.MongoDsl.asc;
import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.MongoDsl.gte;
import static dev.sluice.mongo.testing.Fixtures.ORDERS;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.mongo.Pipeline.Rename;
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

/** Typed pipeline stages run on the server, their output read into records. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoAggregationIT {
  private final InProcessMongo mongo = new InProcessMongo();
  private final MongoStore store = mongo.store();
  private User ann;
  private User bob;

  @BeforeAll void fill() {
    store.collection(USERS).insertMany(List.of(user("Ann", 20, "Oslo", "a"), user("Bob", 30, "Oslo", "a", "b"),
        user("Cid", 40, "Bergen"), user("Kid", 10, "Bergen")), true).block().orThrow();
    ann = store.collection(USERS).find(eq(USERS.name, "Ann")).fetchOne().block();
    bob = store.collection(USERS).find(eq(USERS.name, "Bob")).fetchOne().block();
    store.collection(ORDERS).insertMany(List.of(
        new Order(UUID.randomUUID(), ann.id(), 10L, List.of(new Line("A", 1))),
        new Order(UUID.randomUUID(), ann.id(), 15L, List.of(new Line("B", 2))),
        new Order(UUID.randomUUID(), bob.id(), 7L, List.of())), true).block().orThrow();
  }

  @AfterAll void stop() { mongo.close(); }

  record CityStats(String id, Integer users, Double avgAge, Integer oldest, List<String> names) {}

  @Test
  void matchGroupSortReadsAccumulatorsIntoARecord() {
    Pipeline p = store.collection(USERS).aggregate().match(gte(USERS.age, 18))
        .group(USERS.address.at(a -> a.city), count("users"), avg("avgAge", USERS.age), max("oldest", USERS.age),
            push("names", USERS.name))
        .sort(asc(USERS.id));
    assertThat(p.stages().get(1).toJson()).isEqualTo("{\"$group\": {\"_id\": \"$address.city\", \"users\": {\"$sum\": 1},"
        + " \"avgAge\": {\"$avg\": \"$age\"}, \"oldest\": {\"$max\": \"$age\"}, \"names\": {\"$push\": \"$name\"}}}");
    assertThat(p.fetch(CityStats.class).collectList().block()).containsExactly(
        new CityStats("Bergen", 1, 40.0, 40, List.of("Cid")),
        new CityStats("Oslo", 2, 25.0, 30, List.of("Ann", "Bob")));
  }

  record UserTotal(ObjectId id, Long total) {}

  @Test
  void sumOverAllOrdersPerUser() {
    assertThat(store.collection(ORDERS).aggregate().group(ORDERS.userId, sum("total", ORDERS.amount))
        .sort(new Sort("total", false)).fetch(UserTotal.class).collectList().block())
        .containsExactly(new UserTotal(ann.id(), 25L), new UserTotal(bob.id(), 7L));
  }

  record OrderRow(ObjectId userId, Long amount) {}

  record UserOrders(String name, List<OrderRow> orders) {}

  record UserTag(String name, String tags) {}

  @Test
  void lookupJoinsAndUnwindFlattens() {
    assertThat(store.collection(USERS).aggregate().match(gte(USERS.age, 18)).sort(asc(USERS.name))
        .project(USERS.name).lookup(ORDERS, USERS.id, ORDERS.userId, "orders")
        .fetch(UserOrders.class).map(u -> u.name() + ":" + u.orders().size()).collectList().block())
        .containsExactly("Ann:2", "Bob:1", "Cid:0");
  }

  @Test
  void unwindGivesOneDocumentPerElement() {
    assertThat(store.collection(USERS).aggregate().unwind(USERS.tags).sort(asc(USERS.name), asc(USERS.tags))
        .projectAs(Rename.of("name", USERS.name), Rename.of("tags", USERS.tags))
        .fetch(UserTag.class).collectList().block())
        .containsExactly(new UserTag("Ann", "a"), new UserTag("Bob", "a"), new UserTag("Bob", "b"));
  }
}
