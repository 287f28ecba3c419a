package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.DataException;
import dev.sluice.error.MappingException;
import dev.sluice.mongo.testing.Fixtures.Address;
import dev.sluice.mongo.testing.Fixtures.Role;
import dev.sluice.mongo.testing.Fixtures.User;
import dev.sluice.mongo.testing.InProcessMongo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/**
 * A value written is read back exactly, or refused with a typed error naming the field and the
 * collection, with nothing sent: the rule of the SQL side ("Values are kept exactly, or refused").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoValuesIT {
  private final InProcessMongo mongo = new InProcessMongo();
  private final MongoStore store = mongo.store();
  private final TypedCollection<User> users = store.collection(USERS);

  @AfterAll void stop() { mongo.close(); }

  @BeforeEach void empty() { users.delete(MongoDsl.all()).block(); }

  private static User with(String name, BigDecimal balance, Instant joined, Address address) {
    return new User(null, name, null, null, null, balance, joined, UUID.randomUUID(), Role.MEMBER, List.of(), address);
  }

  @Test
  void edgeValuesRoundTripExactlyWithTheirScale() {
    List<BigDecimal> decimals = List.of(new BigDecimal("1.000"), new BigDecimal("1E+3"), new BigDecimal("0.00"),
        new BigDecimal("-0E-6176"), new BigDecimal("9999999999999999999999999999999999"),
        new BigDecimal("-1234567890123456789012345678901234E-6176"), new BigDecimal("1E+6111"),
        new BigDecimal("0.1"), new BigDecimal("-12345678901234567890.123456789"));
    List<Instant> instants = List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
        Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
        Instant.ofEpochMilli(Long.MAX_VALUE), Instant.ofEpochMilli(Long.MIN_VALUE));
    List<String> names = List.of("", "ü ß 日本", "emoji 😀 pair", "nul \u0000 inside", "x".repeat(100_000));
    for (int i = 0; i < Math.max(decimals.size(), Math.max(instants.size(), names.size())); i++) {
      User in = with(names.get(i % names.size()), decimals.get(i % decimals.size()),
          instants.get(i % instants.size()), new Address(names.get((i + 1) % names.size()), "z"));
      User stored = users.insert(in).block();
      User out = users.find(eq(USERS.id, stored.id())).fetchOne().block();
      assertThat(out).isEqualTo(stored);
      assertThat(out.balance().scale()).isEqualTo(in.balance().scale());
    }
  }

  @Test
  void aBigDecimalADecimal128CannotHoldIsRefusedNotRoundedAndNothingIsWritten() {
    BigDecimal tooPrecise = new BigDecimal("1.2345678901234567890123456789012345");   // 35 digits
    assertThatThrownBy(() -> users.insert(with("a", tooPrecise, null, null)).block())
        .isInstanceOfSatisfying(ValueRefusedException.class, e -> {
          assertThat(e).isInstanceOf(DataException.class);
          assertThat(e.table()).isEqualTo("users");
          assertThat(e.column()).isEqualTo("balance");
          assertThat(e.reason()).startsWith("BigDecimal 1.2345678901234567890123456789012345 (35 digits, scale 34)"
              + " cannot be stored exactly as a Decimal128");
        });
    // trailing zeros a Decimal128 would drop: the same number, but not the same BigDecimal (scale 37 -> 33)
    BigDecimal scaleWouldChange = new BigDecimal("1.0000000000000000000000000000000000000");
    assertThatThrownBy(() -> users.insert(with("b", scaleWouldChange, null, null)).block())
        .isInstanceOf(ValueRefusedException.class)
        .hasMessage("BigDecimal 1.0000000000000000000000000000000000000 (38 digits, scale 37) cannot be stored"
            + " exactly as a Decimal128 (34 significant digits): it would be stored as"
            + " 1.000000000000000000000000000000000 (scale 33) (field 'balance' of collection 'users');"
            + " nothing was sent");
    assertThatThrownBy(() -> users.insert(with("c", new BigDecimal("1E-6200"), null, null)).block())
        .isInstanceOf(ValueRefusedException.class);
    assertThat(users.count().block()).isZero();
  }

  @Test
  void anInstantFinerThanAMillisecondIsRefusedNotTruncated() {
    Instant micros = Instant.parse("2026-05-06T07:08:09.123456Z");
    assertThatThrownBy(() -> users.insert(with("a", null, micros, null)).block())
        .isInstanceOfSatisfying(ValueRefusedException.class, e -> {
          assertThat(e.column()).isEqualTo("joined");
          assertThat(e.table()).isEqualTo("users");
          assertThat(e.getMessage()).isEqualTo("Instant 2026-05-06T07:08:09.123456Z is finer than a millisecond,"
              + " which a BSON date cannot hold (truncate it first, e.g. instant.truncatedTo(ChronoUnit.MILLIS))"
              + " (field 'joined' of collection 'users'); nothing was sent");
        });
    assertThatThrownBy(() -> users.insert(with("b", null, Instant.ofEpochMilli(Long.MAX_VALUE).plusSeconds(1), null)).block())
        .isInstanceOf(ValueRefusedException.class).hasMessageContaining("beyond the range of a BSON date");
    assertThat(users.count().block()).isZero();
  }

  @Test
  void aStringWithALoneSurrogateIsRefusedNamingTheNestedField() {
    assertThatThrownBy(() -> users.insert(with("ok", null, null, new Address("Os\uD800lo", "z"))).block())
        .isInstanceOfSatisfying(ValueRefusedException.class, e -> {
          assertThat(e.column()).isEqualTo("address.city");
          assertThat(e.table()).isEqualTo("users");
          assertThat(e.reason()).isEqualTo("a string with a lone UTF-16 surrogate (U+D800 at index 2) cannot be"
              + " stored: UTF-8 has no encoding for it");
        });
    assertThatThrownBy(() -> users.insertMany(List.of(with("fine", null, null, null), with("x\uDC00", null, null,
        null)), false).block())
        .isInstanceOfSatisfying(ValueRefusedException.class, e -> assertThat(e.column()).isEqualTo("name"));
    assertThat(users.count().block()).isZero();
  }

  @Test
  void filtersAndUpdatesRefuseTheSameValuesWhenBuilt() {
    Instant micros = Instant.parse("2026-05-06T07:08:09.000001Z");
    assertThatThrownBy(() -> eq(USERS.joined, micros))
        .isInstanceOfSatisfying(ValueRefusedException.class, e -> assertThat(e.column()).isEqualTo("joined"));
    assertThatThrownBy(() -> users.update(MongoDsl.all()).set(USERS.balance, new BigDecimal("1E-7000")))
        .isInstanceOfSatisfying(ValueRefusedException.class, e -> assertThat(e.column()).isEqualTo("balance"));
    assertThatThrownBy(() -> MongoDsl.contains(USERS.tags, "\uDBFF"))
        .isInstanceOfSatisfying(ValueRefusedException.class, e -> assertThat(e.column()).isEqualTo("tags"));
  }

  @Test
  void aStoredDecimal128NaNIsAMappingErrorNotAnArithmeticOne() {
    Mono.from(store.driverDatabase().getCollection("users", BsonDocument.class).insertOne(
        new BsonDocument("name", new BsonString("nan")).append("balance", new BsonDecimal128(Decimal128.NaN)))).block();
    assertThatThrownBy(() -> users.find(eq(USERS.name, "nan")).fetchOne().block())
        .isInstanceOf(MappingException.class)
        .hasMessage("reading 'balance' into User: BSON DECIMAL128 NaN cannot be read as BigDecimal");
  }
}
