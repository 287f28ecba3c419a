package dev.sluice.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.sluice.error.ConnectionLostException;
import dev.sluice.error.SerializationFailureException;
import dev.sluice.error.TransientResourceException;
import dev.sluice.error.UncategorizedDatabaseException;
import dev.sluice.error.UniqueViolationException;
import dev.sluice.error.UnsupportedByDialectException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * The driver's errors as the server would send them, mapped into Sluice's taxonomy; the cases
 * mongo-java-server cannot produce (write conflicts, standalone transactions) are covered here.
 */
class MongoErrorsTest {
  private static MongoCommandException command(int code, String message, String... labels) {
    BsonDocument reply = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
        .append("errmsg", new BsonString(message));
    if (labels.length > 0) {
      BsonArray a = new BsonArray();
      for (String l : labels) {
        a.add(new BsonString(l));
      }
      reply.append("errorLabels", a);
    }
    return new MongoCommandException(reply, new ServerAddress());
  }

  @Test
  void aWriteConflictIsATransientSerializationFailure() {
    Throwable t = MongoErrors.translate(command(112, "WriteConflict error: this operation conflicted",
        "TransientTransactionError"), "users", "updateOne");
    assertThat(t).isInstanceOf(SerializationFailureException.class);
    assertThat(((SerializationFailureException) t).isTransient()).isTrue();
    assertThat(((SerializationFailureException) t).sql()).isEqualTo("users.updateOne");
  }

  @Test
  void aDuplicateKeyFromACommandNamesTheIndexAndHidesTheValue() {
    Throwable t = MongoErrors.translate(command(11000,
        "E11000 duplicate key error collection: app.users index: users_email dup key: { email: \"ann@x\" }"),
        "users", "findOneAndUpdate");
    assertThat(t).isInstanceOfSatisfying(UniqueViolationException.class, e -> {
      assertThat(e.constraint()).isEqualTo("users_email");
      assertThat(e.getMessage()).doesNotContain("ann@x");
      assertThat(e.getCause().getMessage()).doesNotContain("ann@x").contains("dup key: {…}");
    });
  }

  @Test
  void aBrokenSocketIsAConnectionLossAndNoServerATransientResourceError() {
    assertThat(MongoErrors.translate(new MongoSocketReadException("Prematurely reached end of stream",
        new ServerAddress()), "users", "find")).isInstanceOf(ConnectionLostException.class);
    Throwable timeout = MongoErrors.translate(new MongoTimeoutException("Timed out while waiting for a server"),
        "users", "find");
    assertThat(timeout).isExactlyInstanceOf(TransientResourceException.class)
        .hasMessage("no MongoDB server reachable for users.find");
  }

  @Test
  void aTransactionOnAStandaloneServerIsUnsupported() {
    assertThat(MongoErrors.translate(command(20,
        "Transaction numbers are only allowed on a replica set member or mongos"), "app", "transaction"))
        .isInstanceOf(UnsupportedByDialectException.class);
  }

  @Test
  void anythingElseIsUncategorizedWithItsCode() {
    assertThat(MongoErrors.translate(command(2, "bad query"), "users", "find"))
        .isInstanceOf(UncategorizedDatabaseException.class)
        .hasMessage("users.find failed (code 2): bad query");
  }
}
