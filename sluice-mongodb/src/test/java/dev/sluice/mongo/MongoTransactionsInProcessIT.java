package dev.sluice.mongo;

import static dev.sluice.mongo.testing.Fixtures.USERS;
import static dev.sluice.mongo.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.mongo.testing.InProcessMongo;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * mongo-java-server has no sessions, so a transaction cannot start there: the body never runs and
 * the error says why (the transactions themselves are proven in {@link MongoReplicaSetIT}).
 */
class MongoTransactionsInProcessIT {
  @Test
  void aTransactionOnAServerWithoutSessionsFailsTypedBeforeTheBodyRuns() {
    try (InProcessMongo mongo = new InProcessMongo()) {
      AtomicBoolean ran = new AtomicBoolean();
      assertThatThrownBy(() -> mongo.store().inTransaction(s -> {
        ran.set(true);
        return s.collection(USERS).insert(user("Ann", 20, "Oslo"));
      }).blockLast())
          .isInstanceOf(UnsupportedByDialectException.class)
          .hasMessageStartingWith("multi-document transactions are not supported by this MongoDB server");
      assertThat(ran).isFalse();
      assertThat(mongo.store().collection(USERS).count().block()).isZero();
    }
  }
}
