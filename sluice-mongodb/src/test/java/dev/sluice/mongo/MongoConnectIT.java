package dev.sluice.mongo;

import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.mongo.testing.InProcessMongo;
import org.junit.jupiter.api.Test;

/** A store from a connection string uses the database it names, and refuses one that names none. */
class MongoConnectIT {
  @Test
  void theConnectionStringsDatabaseIsTheStoresDatabase() {
    try (InProcessMongo mongo = new InProcessMongo();
        MongoStore named = MongoStore.connect(mongo.connectionString() + "/" + mongo.database())) {
      assertThat(named.databaseName()).isEqualTo(mongo.database());
      named.collection(USERS).insert(user("Ann", 20, "Oslo")).block();
      assertThat(mongo.store().collection(USERS).count().block()).isEqualTo(1L);
      assertThatThrownBy(() -> MongoStore.connect(mongo.connectionString()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the connection string names no database");
    }
  }
}
