package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.testing.Fixtures.ORDERS;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.MappingException;
import dev.sluice.mongo.testing.Fixtures;
import dev.sluice.mongo.testing.Fixtures.Address;
import dev.sluice.mongo.testing.Fixtures.Line;
import dev.sluice.mongo.testing.Fixtures.Order;
import dev.sluice.mongo.testing.Fixtures.Role;
import dev.sluice.mongo.testing.Fixtures.User;
import dev.sluice.mongo.testing.InProcessMongo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/** Records in and out of documents: every field type, `id` as `_id`, nested records, arrays; mismatches named. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoMappingIT {
  private final InProcessMongo mongo = new InProcessMongo();
  private final MongoStore store = mongo.store();

  @AfterAll void stop() { mongo.close(); }

  @Test
  void everyFieldTypeRoundTripsAndIsStoredAsItsBsonType() {
    UUID external = UUID.randomUUID();
    User in = new User(null, "Ada", "ada@x.org", 36, true, new BigDecimal("12345678901234567890.123456789"),
        Instant.parse("2026-05-06T07:08:09.123Z"), external, Role.ADMIN, List.of("a", "b"),
        new Address("Oslo", "0150"));
    User stored = store.collection(USERS).insert(in).block();
    assertThat(stored.id()).isNotNull();

    User out = store.collection(USERS).find(eq(USERS.id, stored.id())).fetchOne().block();
    assertThat(out).isEqualTo(new User(stored.id(), "Ada", "ada@x.org", 36, true,
        new BigDecimal("12345678901234567890.123456789"), Instant.parse("2026-05-06T07:08:09.123Z"), external,
        Role.ADMIN, List.of("a", "b"), new Address("Oslo", "0150")));

    BsonDocument raw = Mono.from(store.driverDatabase().getCollection("users", BsonDocument.class)
        .find(new BsonDocument("_id", new org.bson.BsonObjectId(stored.id())))).block();
    assertThat(raw.get("_id").isObjectId()).isTrue();
    assertThat(raw.containsKey("id")).isFalse();
    assertThat(raw.get("age").isInt32()).isTrue();
    assertThat(raw.get("balance").isDecimal128()).isTrue();
    assertThat(raw.get("joined").isDateTime()).isTrue();
    assertThat(raw.getBinary("externalId").getType()).isEqualTo(BsonBinarySubType.UUID_STANDARD.getValue());
    assertThat(raw.getString("role").getValue()).isEqualTo("ADMIN");
    assertThat(raw.getArray("tags").size()).isEqualTo(2);
    assertThat(raw.getDocument("address").getString("city").getValue()).isEqualTo("Oslo");
  }

  @Test
  void uuidIdsAndArraysOfEmbeddedRecordsRoundTrip() {
    Order in = new Order(null, new ObjectId(), 4200L, List.of(new Line("A-1", 2), new Line("B-2", 1)));
    Order stored = store.collection(ORDERS).insert(in).block();
    assertThat(stored.id()).isNotNull();
    assertThat(store.collection(ORDERS).find(eq(ORDERS.id, stored.id())).fetchOne().block()).isEqualTo(stored);
  }

  @Test
  void nullsAndMissingKeysReadAsNull() {
    User in = new User(null, "Nobody", "nobody@x.org", null, null, null, null, null, null, List.of(), null);
    User stored = store.collection(USERS).insert(in).block();
    assertThat(store.collection(USERS).find(eq(USERS.id, stored.id())).fetchOne().block()).isEqualTo(stored);
  }

  @Test
  void keysInAnotherOrderAndKeysTheRecordLacksAreReadByName() {
    ObjectId id = new ObjectId();
    BsonDocument reversed = new BsonDocument("address", new BsonDocument("zip", new org.bson.BsonString("0150"))
            .append("city", new org.bson.BsonString("Oslo")))
        .append("unknown", new org.bson.BsonInt32(7))
        .append("age", new org.bson.BsonInt32(41))
        .append("name", new org.bson.BsonString("Reversed"))
        .append("_id", new org.bson.BsonObjectId(id));
    Mono.from(store.driverDatabase().getCollection(USERS.name(), BsonDocument.class).insertOne(reversed)).block();
    User read = store.collection(USERS).find(eq(USERS.id, id)).fetchOne().block();
    assertThat(read).isEqualTo(new User(id, "Reversed", null, 41, null, null, null, null, null, null,
        new Address("Oslo", "0150")));
  }

  record WrongType(ObjectId id, Long name) {}

  static final class Wrong extends Collection<WrongType> {
    public final Field<ObjectId> id = objectIdKey();
    public final Field<String> name = string("name");

    Wrong() { super("wrong", WrongType.class); }
  }

  record Extra(ObjectId id, String nickname) {}

  static final class Missing extends Collection<Extra> {
    public final Field<ObjectId> id = objectIdKey();

    Missing() { super("missing", Extra.class); }
  }

  @Test
  void aRecordThatDoesNotMatchItsDeclarationFailsOnFirstUseNamingBoth() {
    assertThatThrownBy(() -> store.collection(new Wrong()))
        .isInstanceOf(MappingException.class)
        .hasMessage("record WrongType component 'name' is Long but field 'name' of collection 'wrong' is String");
    assertThatThrownBy(() -> store.collection(new Missing()))
        .isInstanceOf(MappingException.class)
        .hasMessage("record Extra component 'nickname' matches no field of collection 'missing' (fields: [_id])");
  }

  record AgeAsText(ObjectId id, String age) {}

  @Test
  void aProjectionWhoseTypeDiffersFromTheDeclarationFailsBeforeRunning() {
    assertThatThrownBy(() -> store.collection(USERS).find().into(AgeAsText.class))
        .isInstanceOf(MappingException.class)
        .hasMessage("record AgeAsText component 'age' is String but field 'age' of collection 'users' is Integer");
  }

  @Test
  void aStoredValueOfAnotherTypeIsAMappingErrorNamingKeyAndTypes() {
    Mono.from(store.driverDatabase().getCollection("users", BsonDocument.class)
        .insertOne(BsonDocument.parse("{name: 'Typed', age: 'forty'}"))).block();
    assertThatThrownBy(() -> store.collection(USERS).find(eq(USERS.name, "Typed")).fetch().blockLast())
        .isInstanceOf(MappingException.class)
        .hasMessage("reading 'age' into User: BSON STRING cannot be read as Integer (expected a number)");
  }

  @Test
  void insertIsColdAndEachSubscriptionInsertsWithItsOwnGeneratedId() {
    Mono<User> insert = store.collection(USERS).insert(Fixtures.user("Twice", 20, "Bergen"));
    assertThat(store.collection(USERS).count(eq(USERS.name, "Twice")).block()).isZero();
    User a = insert.block();
    User b = insert.block();
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(store.collection(USERS).count(eq(USERS.name, "Twice")).block()).isEqualTo(2L);
  }
}
