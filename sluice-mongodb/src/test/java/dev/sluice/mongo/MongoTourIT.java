package dev.sluice.mongo;

import static dev.sluice.mongo.Accumulator.avg;
import static dev.sluice.mongo.Accumulator.count;
import static dev.sluice.mongo.MongoDsl.and;
import static dev.sluice.mongo.MongoDsl.asc;
import static dev.sluice.mongo.MongoDsl.contains;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The README's MongoDB tour, run: the block between the tags is the one the README shows. */
class MongoTourIT {
  record CityCount(String id, Integer users, Double avgAge) {}

  @Test
  void theReadmeTourRunsAndReturnsWhatItSays() {
    try (InProcessMongo mongo = new InProcessMongo()) {
      MongoStore store = mongo.store();
      store.createIndexes(USERS).block();
      store.collection(USERS).insertMany(List.of(user("Ann", 17, "Oslo"), user("Dan", 44, "Oslo", "vip"),
          user("Dana", 52, "Bergen", "vip")), true).block().orThrow();
      // tag::mongo-tour[]
      TypedCollection<User> users = store.collection(USERS);
      Flux<User> vips = users.find(and(contains(USERS.tags, "vip"), like(USERS.name, "Da%")))
          .sort(asc(USERS.name)).limit(10).fetch();                       // streamed from the cursor
      Mono<User> older = users.update(eq(USERS.name, "Dan")).inc(USERS.age, 1).push(USERS.tags, "gold")
          .andGet();                                                      // findOneAndUpdate
      Mono<WriteReport> report = users.insertMany(List.of(user("Eve", 30, "Oslo"), user("Dan", 45, "Oslo")),
          false);                                                         // unordered: failures reported by index
      Flux<CityCount> perCity = users.aggregate().match(gte(USERS.age, 18))
          .group(USERS.address.at(a -> a.city), count("users"), avg("avgAge", USERS.age))
          .sort(asc(USERS.id)).fetch(CityCount.class);
      // end::mongo-tour[]
      assertThat(vips.map(User::name).collectList().block()).containsExactly("Dan", "Dana");
      assertThat(older.block().tags()).containsExactly("vip", "gold");
      WriteReport r = report.block();
      assertThat(r.inserted()).isEqualTo(1);
      assertThat(r.failures()).singleElement().satisfies(f -> {
        assertThat(f.index()).isEqualTo(1);
        assertThat(f.error()).isInstanceOfSatisfying(UniqueViolationException.class,
            e -> assertThat(e.constraint()).isEqualTo("users_email"));
      });
      assertThat(perCity.collectList().block()).containsExactly(new CityCount("Bergen", 1, 52.0),
          new CityCount("Oslo", 2, 37.5));
      assertThatThrownBy(() -> users.insert(user("Eve", 1, "Oslo")).block()).isInstanceOf(UniqueViolationException.class);
    }
  }
}
