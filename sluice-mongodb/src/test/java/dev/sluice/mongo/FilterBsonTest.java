package dev.sluice.mongo;

import static dev.sluice.mongo.MongoDsl.and;
import static dev.sluice.mongo.MongoDsl.containsAll;
import static dev.sluice.mongo.MongoDsl.elemMatch;
import static dev.sluice.mongo.MongoDsl.eq;
import static dev.sluice.mongo.MongoDsl.gt;
import static dev.sluice.mongo.MongoDsl.in;
import static dev.sluice.mongo.MongoDsl.isNull;
import static dev.sluice.mongo.MongoDsl.like;
import static dev.sluice.mongo.MongoDsl.not;
import static dev.sluice.mongo.MongoDsl.notIn;
import static dev.sluice.mongo.MongoDsl.or;
import static dev.sluice.mongo.testing.Fixtures.ORDERS;
import static dev.sluice.mongo.testing.Fixtures.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.mongo.testing.Fixtures.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The exact BSON each filter and update compiles to, without a server. */
class FilterBsonTest {
  private static String json(Filter f) { return f.toBson().toJson(); }

  @Test
  void comparisonsEncodeValuesByTheFieldsType() {
    assertThat(json(eq(USERS.age, 30))).isEqualTo("{\"age\": 30}");
    assertThat(json(gt(USERS.balance, new BigDecimal("1.50")))).isEqualTo("{\"balance\": {\"$gt\": {\"$numberDecimal\": \"1.50\"}}}");
    assertThat(json(eq(USERS.joined, Instant.parse("2026-01-01T00:00:00Z"))))
        .isEqualTo("{\"joined\": {\"$date\": \"2026-01-01T00:00:00Z\"}}");
    assertThat(json(eq(USERS.role, Role.ADMIN))).isEqualTo("{\"role\": \"ADMIN\"}");
    assertThat(json(in(USERS.name, "a", "b"))).isEqualTo("{\"name\": {\"$in\": [\"a\", \"b\"]}}");
    assertThat(json(notIn(USERS.age, List.of(1)))).isEqualTo("{\"age\": {\"$nin\": [1]}}");
    assertThat(json(isNull(USERS.email))).isEqualTo("{\"email\": null}");
    assertThat(json(eq(USERS.email, null))).isEqualTo("{\"email\": null}");
    assertThat(json(eq(USERS.address.at(a -> a.city), "Oslo"))).isEqualTo("{\"address.city\": \"Oslo\"}");
  }

  @Test
  void equalityWithAValueThatLooksLikeAnOperatorStaysExplicit() {
    Field<org.bson.BsonValue> raw = new Field<>("v", new ValueType<>() {
      @Override public Class<?> javaType() { return org.bson.BsonValue.class; }

      @Override public void write(org.bson.BsonWriter w, org.bson.BsonValue v) {
        new org.bson.codecs.BsonValueCodec().encode(w, v, org.bson.codecs.EncoderContext.builder().build());
      }

      @Override public org.bson.BsonValue read(org.bson.BsonReader r) { throw new UnsupportedOperationException(); }
    });
    assertThat(json(eq(raw, new org.bson.BsonRegularExpression("a.*")))).isEqualTo(
        "{\"v\": {\"$eq\": {\"$regularExpression\": {\"pattern\": \"a.*\", \"options\": \"\"}}}}");
    assertThat(json(eq(raw, BsonDocument.parse("{$gt: 1}")))).isEqualTo("{\"v\": {\"$eq\": {\"$gt\": 1}}}");
  }

  @Test
  void likeQuotesEverythingButItsWildcards() {
    assertThat(json(like(USERS.name, "a.b%_"))).isEqualTo(
        "{\"name\": {\"$regularExpression\": {\"pattern\": \"^\\\\Qa.b\\\\E.*.$\", \"options\": \"s\"}}}");
  }

  @Test
  void logicalAndArrayOperators() {
    assertThat(json(and(eq(USERS.age, 1), or(eq(USERS.name, "x"), not(eq(USERS.age, 2))))))
        .isEqualTo("{\"$and\": [{\"age\": 1}, {\"$or\": [{\"name\": \"x\"}, {\"$nor\": [{\"age\": 2}]}]}]}");
    assertThat(json(containsAll(USERS.tags, List.of("a")))).isEqualTo("{\"tags\": {\"$all\": [\"a\"]}}");
    assertThat(json(elemMatch(ORDERS.lines, gt(ORDERS.line.qty, 2))))
        .isEqualTo("{\"lines\": {\"$elemMatch\": {\"qty\": {\"$gt\": 2}}}}");
  }

  @Test
  void aRenderedFilterCannotChangeTheFilter() {
    Filter f = elemMatch(ORDERS.lines, gt(ORDERS.line.qty, 2));
    BsonDocument first = f.toBson();
    first.getDocument("lines").getDocument("$elemMatch").put("qty", new BsonDocument());
    assertThat(json(f)).isEqualTo("{\"lines\": {\"$elemMatch\": {\"qty\": {\"$gt\": 2}}}}");
  }

  @Test
  void updatesGroupOperatorsAndAreImmutable() {
    Update<?> base = Update.of(null, eq(USERS.name, "Dan"));
    Update<?> u = Update.<dev.sluice.mongo.testing.Fixtures.User>of(null, eq(USERS.name, "Dan"))
        .set(USERS.email, "d@x").inc(USERS.age, 1).set(USERS.active, true).push(USERS.tags, "t").unset(USERS.balance);
    assertThat(u.updateBson().toJson()).isEqualTo("{\"$set\": {\"email\": \"d@x\", \"active\": true},"
        + " \"$inc\": {\"age\": 1}, \"$push\": {\"tags\": \"t\"}, \"$unset\": {\"balance\": \"\"}}");
    assertThat(base).isNotSameAs(u);
  }
}
