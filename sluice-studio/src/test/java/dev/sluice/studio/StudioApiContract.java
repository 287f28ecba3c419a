package dev.sluice.studio;

import static dev.sluice.studio.Parts.PARTS;
import static dev.sluice.studio.StudioDatabase.BIG;
import static dev.sluice.studio.StudioDatabase.T;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.Database;
import dev.sluice.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * The studio's JSON API over HTTP on one database: a read-only studio and a writable one on the same
 * seeded {@code parts} table ({@link StudioDatabase}). Each test that edits uses rows of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StudioApiContract {
  final ObjectMapper json = new ObjectMapper();
  Database db;
  StudioServer readOnly;
  StudioServer writable;

  /** The seeded database of this run. */
  abstract Database open();

  @BeforeAll
  void start() {
    db = open();
    List<StudioTable> tables = List.of(StudioTable.of(PARTS));
    readOnly = Studio.of(db, tables).port(0).start().block(T);
    writable = Studio.of(db, tables).writable(true).port(0).start().block(T);
  }

  @AfterAll
  void stop() {
    if (readOnly != null) {
      readOnly.close();
    }
    if (writable != null) {
      writable.close();
    }
    if (db != null) {
      db.close().block(T);
    }
  }

  record Reply(int status, JsonNode body, HttpHeaders headers) { }

  Reply get(StudioServer s, String uri) {
    return HttpClient.create().baseUrl("http://127.0.0.1:" + s.port()).get().uri(uri)
        .responseSingle((r, b) -> b.asString().defaultIfEmpty("").map(text -> reply(r.status().code(), text, r.responseHeaders())))
        .block(T);
  }

  Reply put(StudioServer s, String uri, String body, Consumer<HttpHeaders> headers) {
    return HttpClient.create().headers(headers).baseUrl("http://127.0.0.1:" + s.port()).put().uri(uri)
        .send(ByteBufFlux.fromString(Mono.just(body)))
        .responseSingle((r, b) -> b.asString().defaultIfEmpty("").map(text -> reply(r.status().code(), text, r.responseHeaders())))
        .block(T);
  }

  Reply edit(StudioServer s, String body) {
    return put(s, "/api/tables/parts/rows", body, h -> h.set("Content-Type", "application/json")
        .set(Guard.TOKEN_HEADER, s.token()));
  }

  private Reply reply(int status, String text, HttpHeaders headers) {
    try {
      return new Reply(status, text.startsWith("{") ? json.readTree(text) : json.getNodeFactory().textNode(text), headers);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** The row of {@code id} as the page shows it (through the API). */
  ObjectNode shown(int id) {
    Reply r = get(readOnly, "/api/tables/parts/rows?f.id=" + id);
    assertThat(r.status()).isEqualTo(200);
    return (ObjectNode) r.body().get("rows").get(0);
  }

  Row stored(int id) {
    return db.sql("SELECT name, price, stock, note FROM parts WHERE id = {0}", id).fetch().blockFirst(T);
  }

  static List<String> column(JsonNode page, String name) {
    List<String> out = new ArrayList<>();
    page.get("rows").forEach(r -> out.add(r.get(name).asText()));
    return out;
  }

  @Test
  void listsTheTablesWithTheirColumnsAndTheMode() {
    Reply r = get(readOnly, "/api/tables");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("writable").asBoolean()).isFalse();
    JsonNode parts = r.body().get("tables").get(0);
    assertThat(parts.get("name").asText()).isEqualTo("parts");
    assertThat(parts.get("primaryKey").toString()).isEqualTo("[\"id\"]");
    List<String> names = new ArrayList<>();
    parts.get("columns").forEach(c -> names.add(c.get("name").asText() + ":" + c.get("kind").asText() + ":" + c.get("filter").asText()));
    assertThat(names).containsExactly("id:SERIAL:equals", "name:VARCHAR:contains", "price:DECIMAL:equals",
        "stock:BIGINT:equals", "active:BOOLEAN:equals", "note:TEXT:contains", "data:BYTES:equals");
    parts.get("columns").forEach(c -> assertThat(c.get("editable").asBoolean()).as(c.toString()).isFalse());
    assertThat(get(writable, "/api/tables").body().get("tables").get(0).get("columns").get(1).get("editable").asBoolean()).isTrue();
  }

  @Test
  void pagesRowsInKeyOrderWithTheTotal() {
    Reply r = get(readOnly, "/api/tables/parts/rows?page=1&size=10");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("total").asLong()).isEqualTo(StudioDatabase.ROWS);
    assertThat(column(r.body(), "id")).containsExactly("11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
    Reply last = get(readOnly, "/api/tables/parts/rows?page=4&size=10");
    assertThat(column(last.body(), "id")).containsExactly("41", "42", "43", "44", "45");
  }

  @Test
  void sortsByAColumnEitherWayThenByKey() {
    Reply desc = get(readOnly, "/api/tables/parts/rows?size=3&sort=name&dir=desc&f.name=part-");
    assertThat(column(desc.body(), "name")).containsExactly("part-45", "part-44", "part-43");
    Reply byActive = get(readOnly, "/api/tables/parts/rows?size=3&sort=active&dir=asc");
    assertThat(column(byActive.body(), "id")).containsExactly("1", "3", "5"); // false first, then by id
  }

  @Test
  void filtersTextByContainingAndOtherColumnsByEquality() {
    Reply r = get(readOnly, "/api/tables/parts/rows?f.name=art-1&f.active=true");
    assertThat(column(r.body(), "name")).containsExactly("part-10", "part-12", "part-14", "part-16", "part-18");
    assertThat(r.body().get("total").asLong()).isEqualTo(5);
    assertThat(column(get(readOnly, "/api/tables/parts/rows?f.price=7.5").body(), "id")).containsExactly("7");
    assertThat(column(get(readOnly, "/api/tables/parts/rows?f.stock=" + BIG).body(), "id")).containsExactly("1");
  }

  @Test
  void aFilterMatchesLikeWildcardsLiterally() {
    assertThat(get(readOnly, "/api/tables/parts/rows?f.name=%25").body().get("total").asLong()).isZero();
    assertThat(get(readOnly, "/api/tables/parts/rows?f.name=part_0").body().get("total").asLong()).isZero();
    assertThat(get(readOnly, "/api/tables/parts/rows?f.name=t-0").body().get("total").asLong()).isEqualTo(9);
  }

  @Test
  void showsBigNumbersDecimalsBytesAndNullsExactly() {
    ObjectNode one = shown(1);
    assertThat(one.get("stock").isTextual()).isTrue();
    assertThat(one.get("stock").asText()).isEqualTo("9007199254740993");
    assertThat(one.get("price").asText()).isEqualTo("9999999999.99");
    assertThat(one.get("data").asText()).isEqualTo("\\x0001ff");
    assertThat(one.get("active").isBoolean()).isTrue();
    assertThat(one.get("active").asBoolean()).isFalse();
    assertThat(shown(5).get("note").isNull()).isTrue();
    assertThat(shown(12).get("price").asText()).isEqualTo("12.50");
  }

  @Test
  void refusesUnknownNamesAndBadValuesWithA400SayingWhat() {
    Reply sort = get(readOnly, "/api/tables/parts/rows?sort=nope");
    assertThat(sort.status()).isEqualTo(400);
    assertThat(sort.body().get("error").asText()).isEqualTo("Table parts has no column nope");
    Reply injected = get(readOnly, "/api/tables/parts/rows?sort=" + "name%3B%20DROP%20TABLE%20parts");
    assertThat(injected.status()).isEqualTo(400);
    Reply value = get(readOnly, "/api/tables/parts/rows?f.stock=ten");
    assertThat(value.status()).isEqualTo(400);
    assertThat(value.body().get("error").asText()).contains("stock", "\"ten\"", "whole number");
    assertThat(get(readOnly, "/api/tables/parts/rows?size=0").body().get("error").asText())
        .isEqualTo("size must be a whole number from 1 to 500, not \"0\"");
    assertThat(get(readOnly, "/api/tables/parts/rows?dir=up").status()).isEqualTo(400);
    assertThat(get(readOnly, "/api/tables/parts/rows?limit=5").body().get("error").asText()).startsWith("Unknown parameter limit");
    Reply table = get(readOnly, "/api/tables/users/rows");
    assertThat(table.status()).isEqualTo(404);
    assertThat(table.body().get("error").asText()).isEqualTo("No table users in the studio");
    assertThat(db.sql("SELECT COUNT(*) AS n FROM parts").fetch().blockFirst(T).get("n", Long.class)).isEqualTo(StudioDatabase.ROWS);
  }

  @Test
  void theReadOnlyStudioRefusesWritesWith403() {
    Reply r = edit(readOnly, "{\"key\":{\"id\":2},\"old\":{\"name\":\"part-02\"},\"values\":{\"name\":\"changed\"}}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().get("error").asText()).contains("read-only", "--write");
    assertThat(stored(2).get("name", String.class)).isEqualTo("part-02");
  }

  @Test
  void editsARowInATransactionKeepingADecimalsDigits() {
    ObjectNode old = shown(20);
    Reply r = edit(writable, "{\"key\":{\"id\":20},\"old\":" + old + ",\"values\":{\"name\":\"renamed\","
        + "\"price\":\"12345678.91\",\"stock\":\"9007199254740995\",\"note\":null}}");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    assertThat(r.body().get("row").get("price").asText()).isEqualTo("12345678.91");
    Row row = stored(20);
    assertThat(row.get("name", String.class)).isEqualTo("renamed");
    assertThat(new BigDecimal(row.get("price", Object.class).toString())).isEqualByComparingTo("12345678.91");
    assertThat(row.get("stock", Long.class)).isEqualTo(9_007_199_254_740_995L);
    assertThat(row.get("note", Object.class)).isNull();
  }

  @Test
  void aConcurrentChangeIsA409AndIsNotOverwritten() {
    ObjectNode old = shown(21);
    db.sql("UPDATE parts SET name = {0} WHERE id = {1}", "someone else", 21).execute().block(T);
    Reply r = edit(writable, "{\"key\":{\"id\":21},\"old\":" + old + ",\"values\":{\"note\":\"mine\"}}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body().get("column").asText()).isEqualTo("name");
    assertThat(r.body().get("current").asText()).isEqualTo("someone else");
    assertThat(r.body().get("error").asText()).startsWith("The row changed since the page read it: name is now \"someone else\"");
    assertThat(stored(21).get("note", String.class)).isEqualTo("note 21");
    assertThat(stored(21).get("name", String.class)).isEqualTo("someone else");
  }

  @Test
  void aDecimalTheDatabaseWouldRoundIsRefusedAndNothingIsWritten() {
    ObjectNode old = shown(22);
    Reply r = edit(writable, "{\"key\":{\"id\":22},\"old\":" + old + ",\"values\":{\"price\":\"1.005\",\"name\":\"x\"}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("error").asText()).isEqualTo(
        "Column price is DECIMAL(12, 2): 1.005 has 3 digits after the point, the database would round it");
    Reply tooLong = edit(writable, "{\"key\":{\"id\":22},\"old\":" + old + ",\"values\":{\"name\":\"" + "x".repeat(41) + "\"}}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("error").asText()).isEqualTo("Column name holds at most 40 characters; the value has 41");
    assertThat(stored(22).get("name", String.class)).isEqualTo("part-22");
  }

  @Test
  void keysAndNotNullColumnsAreRefusedWithA400() {
    ObjectNode old = shown(23);
    Reply key = edit(writable, "{\"key\":{\"id\":23},\"old\":" + old + ",\"values\":{\"id\":\"99\"}}");
    assertThat(key.status()).isEqualTo(400);
    assertThat(key.body().get("error").asText()).contains("primary key");
    Reply notNull = edit(writable, "{\"key\":{\"id\":23},\"old\":" + old + ",\"values\":{\"name\":null}}");
    assertThat(notNull.body().get("error").asText()).isEqualTo("Column name is NOT NULL: it cannot be set to null");
    Reply noOld = edit(writable, "{\"key\":{\"id\":23},\"old\":{},\"values\":{\"note\":\"n\"}}");
    assertThat(noOld.status()).isEqualTo(400);
    assertThat(noOld.body().get("error").asText()).startsWith("old must give the value the page showed for note");
    Reply missing = edit(writable, "{\"key\":{\"id\":999},\"old\":{\"note\":null},\"values\":{\"note\":\"n\"}}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(stored(23).get("note", String.class)).isEqualTo("note 23");
  }

  @Test
  void aWriteWithoutTheTokenIs403AndWithoutJsonIs415() {
    String body = "{\"key\":{\"id\":24},\"old\":{\"note\":\"note 24\"},\"values\":{\"note\":\"csrf\"}}";
    Reply noToken = put(writable, "/api/tables/parts/rows", body, h -> h.set("Content-Type", "application/json"));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.body().get("error").asText()).contains(Guard.TOKEN_HEADER);
    Reply wrongToken = put(writable, "/api/tables/parts/rows", body, h -> h.set("Content-Type", "application/json")
        .set(Guard.TOKEN_HEADER, "0".repeat(48)));
    assertThat(wrongToken.status()).isEqualTo(403);
    Reply form = put(writable, "/api/tables/parts/rows", body, h -> h.set("Content-Type", "text/plain")
        .set(Guard.TOKEN_HEADER, writable.token()));
    assertThat(form.status()).isEqualTo(415);
    assertThat(stored(24).get("note", String.class)).isEqualTo("note 24");
  }

  @Test
  void aRequestNamingAnotherHostIsRefused() {
    Reply r = HttpClient.create().headers(h -> h.set("Host", "attacker.example:" + readOnly.port()))
        .baseUrl("http://127.0.0.1:" + readOnly.port()).get().uri("/api/tables")
        .responseSingle((res, b) -> b.asString().defaultIfEmpty("").map(t -> reply(res.status().code(), t, res.responseHeaders())))
        .block(T);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().get("error").asText()).startsWith("Host attacker.example:" + readOnly.port() + " is not this studio's address");
  }

  @Test
  void thePageCarriesTheTokenAndTheModeAndForbidsFraming() {
    Reply page = get(writable, "/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().asText()).contains("<meta name=\"sluice-token\" content=\"" + writable.token() + "\">",
        "data-writable=\"true\"");
    assertThat(page.headers().get("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.headers().get("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(get(readOnly, "/").body().asText()).contains("data-writable=\"false\"");
    assertThat(get(readOnly, "/studio.js").status()).isEqualTo(200);
  }
}
