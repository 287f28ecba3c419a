package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.JsonDocs.DOCS;
import static dev.sluice.testing.JsonDocs.HOSTILE_KEY;
import static dev.sluice.testing.TypedJsonDocs.TYPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.JsonTypeMismatchException;
import dev.sluice.error.MappingException;
import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.query.Json;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import dev.sluice.testing.JsonDocs.Doc;
import dev.sluice.testing.TypedJsonDocs.Address;
import dev.sluice.testing.TypedJsonDocs.Item;
import dev.sluice.testing.TypedJsonDocs.Profile;
import dev.sluice.testing.TypedJsonDocs.Typed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSON path reads and tests on a live database: text, integer, number and boolean values at a path
 * in select, where and order by; a path's presence; containment where the database has it (else the
 * exact refusal); a hostile key read as data. A database without JSON paths (H2) proves each refusal.
 */
public abstract class JsonContract extends ContractBase {
  private static final Duration T = Duration.ofSeconds(30);

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {DOCS, TYPED}; }

  /** Whether the database writes at a JSON path (H2 does not). */
  protected boolean writesSupported() { return pathsSupported(); }

  /** Whether a typed read of a value of another JSON type fails with a {@link JsonTypeMismatchException} naming the path. */
  protected boolean mismatchNamesPath() { return true; }

  /** Why the driver cannot return a JSON document's numbers as the server holds them, or null when it can. */
  protected String jsonNumbersInexactBecause() { return null; }

  private static final Profile ANN = new Profile("Ann", new BigDecimal("1.50"), 9007199254740993L,
      "\u00e9\u00df \u4e2d\u6587 \ud83d\ude00 \"q\" \\ '", new Address("Lima", null),
      List.of(new Item("a-1", new BigDecimal("0.10"), 2), new Item("b-2", new BigDecimal("12345678901234567890.125"), -1)),
      Instant.parse("2026-01-02T03:04:05.123456Z"), null);

  /** Whether the database reads JSON paths (H2 does not). */
  protected boolean pathsSupported() { return true; }

  /** Whether the database tests JSON containment (PostgreSQL, MySQL, MariaDB). */
  protected boolean containmentSupported() { return true; }

  @BeforeEach
  void documents() {
    db.insertInto(DOCS).values(List.of(
        new Doc(null, "{\"name\": \"Ann\", \"age\": 41, \"active\": true, \"score\": 1.5, \"address\": {\"city\": \"Lima\"},"
            + " \"tags\": [\"a\", \"b\"], \"" + HOSTILE_KEY + "\": \"kept\"}", "{\"a\": 1, \"b\": [1, 2]}"),
        new Doc(null, "{\"name\": \"Bob\", \"age\": 25, \"active\": false, \"score\": 3.25, \"address\": {\"city\": null}}",
            "{\"a\": 2}"),
        new Doc(null, "{\"name\": \"Cy\", \"age\": 35, \"active\": true, \"score\": 2.0}", "{\"a\": 2}")))
        .execute().block(T);
  }

  private List<String> names(Condition where) {
    return db.select(Json.text(DOCS.meta, "name")).from(DOCS).where(where)
        .orderBy(asc(Json.text(DOCS.meta, "name"))).fetch(n -> n).collectList().block(T);
  }

  private void refused(Runnable query, String construct) {
    assertThatThrownBy(query::run).isInstanceOf(UnsupportedByDialectException.class)
        .hasMessage(construct + " is not supported by the " + db.dialect().name() + " dialect");
  }

  @Test
  void readsTextIntegerNumberAndBooleanAtAPath() {
    if (!pathsSupported()) {
      refused(() -> names(isNotNull(DOCS.id)), "JSON path access");
      return;
    }
    List<String> rows = db.select(Json.text(DOCS.meta, "name"), Json.integer(DOCS.meta, "age"),
            Json.number(DOCS.meta, "score"), Json.bool(DOCS.meta, "active"), Json.text(DOCS.meta, "address", "city"))
        .from(DOCS).where(ne(Json.text(DOCS.meta, "name"), "Bob")).orderBy(asc(Json.text(DOCS.meta, "name")))
        .fetch((name, age, score, active, city) -> name + "|" + age + "|" + score + "|" + active + "|" + city)
        .collectList().block(T);
    assertThat(rows).containsExactly("Ann|41|1.5|true|Lima", "Cy|35|2.0|true|null");
  }

  @Test
  void filtersAndOrdersByTypedPaths() {
    if (!pathsSupported()) {
      refused(() -> names(gt(Json.integer(DOCS.meta, "age"), 30L)), "JSON path access");
      return;
    }
    assertThat(db.select(Json.text(DOCS.meta, "name")).from(DOCS)
        .where(and(gt(Json.integer(DOCS.meta, "age"), 30L), eq(Json.bool(DOCS.meta, "active"), true)))
        .orderBy(desc(Json.number(DOCS.meta, "score"))).fetch(n -> n).collectList().block(T))
        .containsExactly("Cy", "Ann");
    assertThat(names(lt(Json.number(DOCS.meta, "score"), 2.0))).containsExactly("Ann");
    assertThat(names(eq(Json.bool(DOCS.meta, "active"), false))).containsExactly("Bob");
    assertThat(names(eq(Json.text(DOCS.meta, "address", "city"), "Lima"))).containsExactly("Ann");
  }

  @Test
  void aJsonNullReadsAsSqlNullForEveryType() {
    if (!pathsSupported()) {
      return;
    }
    List<String> bob = db.select(Json.text(DOCS.meta, "address", "city"), Json.integer(DOCS.meta, "address", "city"),
            Json.number(DOCS.meta, "address", "city"), Json.bool(DOCS.meta, "address", "city"))
        .from(DOCS).where(eq(Json.text(DOCS.meta, "name"), "Bob"))
        .fetch((t, i, n, b) -> t + "|" + i + "|" + n + "|" + b).collectList().block(T);
    assertThat(bob).as("Bob's city holds a JSON null").containsExactly("null|null|null|null");
  }

  @Test
  void aValueOfAnotherTypeFailsInsteadOfReadingChanged() {
    if (!pathsSupported()) {
      return;
    }
    // 1.5 is no integer (a lenient cast would read 1), "Ann" no number (it would read 0), 41 no boolean
    assertThatThrownBy(() -> db.select(Json.integer(DOCS.meta, "score")).from(DOCS)
        .where(eq(Json.text(DOCS.meta, "name"), "Ann")).fetch(v -> v).collectList().block(T))
        .isInstanceOf(dev.sluice.error.SluiceException.class);
    assertThatThrownBy(() -> db.select(Json.number(DOCS.meta, "name")).from(DOCS)
        .where(eq(Json.text(DOCS.meta, "name"), "Ann")).fetch(v -> v).collectList().block(T))
        .isInstanceOf(dev.sluice.error.SluiceException.class);
    assertThatThrownBy(() -> db.select(Json.bool(DOCS.meta, "age")).from(DOCS)
        .where(eq(Json.text(DOCS.meta, "name"), "Ann")).fetch(v -> v).collectList().block(T))
        .isInstanceOf(dev.sluice.error.SluiceException.class);
  }

  @Test
  void aPathIsPresentEvenWhenItHoldsJsonNull() {
    if (!pathsSupported()) {
      refused(() -> db.selectFrom(DOCS).where(Json.hasPath(DOCS.meta, "address")).fetch().blockLast(T),
          "JSON path access");
      return;
    }
    assertThat(names(Json.hasPath(DOCS.meta, "address", "city"))).containsExactly("Ann", "Bob");
    assertThat(names(not(Json.hasPath(DOCS.meta, "address")))).containsExactly("Cy");
  }

  @Test
  void containmentWhereTheDatabaseHasIt() {
    if (!containmentSupported()) {
      refused(() -> db.selectFrom(DOCS).where(Json.contains(DOCS.meta, "{\"tags\": [\"a\"]}")).fetch().blockLast(T),
          "JSON containment");
      return;
    }
    assertThat(names(Json.contains(DOCS.meta, "{\"tags\": [\"a\"]}"))).containsExactly("Ann");
    assertThat(names(Json.contains(DOCS.meta, "{\"address\": {\"city\": \"Lima\"}, \"active\": true}")))
        .containsExactly("Ann");
    assertThat(names(Json.contains(DOCS.raw, "{\"a\": 2}"))).containsExactly("Bob", "Cy");
  }

  @Test
  void typedColumnsRoundTripRecordsExactly() {
    org.junit.jupiter.api.Assumptions.assumeTrue(jsonNumbersInexactBecause() == null, jsonNumbersInexactBecause());
    List<Item> items = List.of(new Item("z", new BigDecimal("-0.000"), Long.MIN_VALUE));
    Typed saved = db.insertInto(TYPED).values(new Typed(null, ANN, items)).returning().block(T);
    Typed read = db.selectFrom(TYPED).where(eq(TYPED.id, saved.id())).fetchOne().block(T);
    assertThat(read.profile()).isEqualTo(ANN);
    assertThat(read.profile().balance().scale()).isEqualTo(2);
    assertThat(read.profile().items().get(1).price()).isEqualTo(new BigDecimal("12345678901234567890.125"));
    assertThat(read.items()).isEqualTo(items);
    assertThat(read.items().get(0).price().scale()).isEqualTo(3);
    Typed empty = db.insertInto(TYPED).values(new Typed(null, null, null)).returning().block(T);
    assertThat(db.selectFrom(TYPED).where(eq(TYPED.id, empty.id())).fetchOne().block(T))
        .as("a SQL NULL column reads as null").isEqualTo(new Typed(empty.id(), null, null));
  }

  /** Whether a plain {@code json} column gives back its text exactly as written (spacing, duplicate keys). */
  protected boolean keepsJsonTextVerbatim() { return true; }

  @Test
  void plainJsonColumnsReadTheirNumbersAsWrittenInRowsProjectionsAndReturning() {
    String meta = "{\"n\": 1.50, \"big\": 12345678901234567.891, \"e\": 0.000}";
    String raw = "{\"b\":  1e2,\"a\": 1.50, \"a\": 2}";
    Doc saved = db.insertInto(DOCS).values(new Doc(null, meta, raw)).returning().block(T);
    Doc row = db.selectFrom(DOCS).where(eq(DOCS.id, saved.id())).fetchOne().block(T);
    List<String> projected = db.select(DOCS.meta, DOCS.raw).from(DOCS).where(eq(DOCS.id, saved.id()))
        .orderBy(asc(DOCS.id)).fetch((m, r) -> m + "|" + r).collectList().block(T);
    for (String[] read : new String[][] {{saved.meta(), saved.raw()}, {row.meta(), row.raw()},
        projected.get(0).split("\\|")}) {
      assertThat(read[0]).as("the numbers of a jsonb column as written")
          .contains("1.50").contains("12345678901234567.891").contains("0.000").doesNotContain("1.5,");
      if (keepsJsonTextVerbatim()) {
        assertThat(read[1]).as("a json column's text as written").isEqualTo(raw);
      } else {
        assertThat(read[1]).contains("1.50");
      }
    }
  }

  @Test
  void pathReadsWorkOnTypedColumns() {
    db.insertInto(TYPED).values(new Typed(null, ANN, List.of())).execute().block(T);
    if (!pathsSupported()) {
      refused(() -> db.select(Json.integer(TYPED.profile, "big")).from(TYPED).fetch(v -> v).blockLast(T),
          "JSON path access");
      return;
    }
    assertThat(db.select(Json.integer(TYPED.profile, "big"), Json.text(TYPED.profile, "address", "city"),
            Json.text(TYPED.profile, "nothing"))
        .from(TYPED).where(Json.hasPath(TYPED.profile, "nothing"))
        .fetch((big, city, nothing) -> big + "|" + city + "|" + nothing).collectList().block(T))
        .containsExactly("9007199254740993|Lima|null");
  }

  @Test
  void theBuildersObjectMapperWritesAndReadsTypedColumns() {
    com.fasterxml.jackson.databind.ObjectMapper upper = dev.sluice.schema.JsonMapping.defaultMapper()
        .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.UPPER_CAMEL_CASE);
    dev.sluice.Database custom = builder()
        .jsonMapping(dev.sluice.schema.JsonMapping.of(upper)).cache(dev.sluice.cache.InMemoryQueryCache.builder().build())
        .build();
    Typed saved = custom.insertInto(TYPED).values(new Typed(null, ANN, List.of())).returning().block(T);
    Profile read = custom.selectFrom(TYPED).where(eq(TYPED.id, saved.id())).fetchOne().block(T).profile();
    for (int i = 0; i < 2; i++) {
      assertThat(custom.selectFrom(TYPED).where(eq(TYPED.id, saved.id())).cached().fetchOne().block(T).profile().name())
          .as("a cached read, loaded then replayed, maps with the builder's mapper too").isEqualTo("Ann");
    }
    if (jsonNumbersInexactBecause() == null) {
      assertThat(saved.profile()).isEqualTo(ANN);
      assertThat(read).isEqualTo(ANN);
    } else {
      assertThat(read.name() + read.address() + read.seen()).isEqualTo(ANN.name() + ANN.address() + ANN.seen());
    }
    if (pathsSupported()) {
      assertThat(db.select(Json.text(TYPED.profile, "Name")).from(TYPED).fetch(v -> v).collectList().block(T))
          .as("the document was written by the builder's mapper").containsExactly("Ann");
    }
    assertThatThrownBy(() -> db.selectFrom(TYPED).where(eq(TYPED.id, saved.id())).fetchOne().block(T))
        .as("the default mapping does not know UpperCamelCase properties")
        .isInstanceOf(MappingException.class).hasMessageContaining("json_typed.profile");
  }

  @Test
  void jsonThatDoesNotReadAsTheTypeFailsNamingTheColumn() {
    if (!writesSupported()) {
      return;
    }
    Typed saved = db.insertInto(TYPED).values(new Typed(null, ANN, List.of())).returning().block(T);
    // a property the record does not have: refused by default (FAIL_ON_UNKNOWN_PROPERTIES)
    db.update(TYPED).set(TYPED.profile, Json.set(TYPED.profile, "x", "unknown")).where(eq(TYPED.id, saved.id()))
        .execute().block(T);
    assertThatThrownBy(() -> db.selectFrom(TYPED).where(eq(TYPED.id, saved.id())).fetchOne().block(T))
        .isInstanceOf(MappingException.class).hasMessageContaining("json_typed.profile").hasMessageContaining("unknown");
    // a property removed reads as null, as one stored as JSON null does
    db.update(TYPED).set(TYPED.profile, Json.remove(TYPED.profile, "unknown")).where(eq(TYPED.id, saved.id()))
        .execute().block(T);
    db.update(TYPED).set(TYPED.profile, Json.remove(TYPED.profile, "name")).where(eq(TYPED.id, saved.id()))
        .execute().block(T);
    assertThat(db.selectFrom(TYPED).where(eq(TYPED.id, saved.id())).fetchOne().block(T).profile().name()).isNull();
  }

  @Test
  void aValueJacksonCannotWriteFailsNamingTheColumnAndSendsNothing() {
    if (!writesSupported()) {
      return;
    }
    assertThatThrownBy(() -> db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, new Object(), "x")).all().execute()
        .block(T)).isInstanceOf(MappingException.class).hasMessageContaining("json_docs.meta");
    assertThat(db.selectFrom(DOCS).where(Json.hasPath(DOCS.meta, "x")).count().block(T)).isZero();
  }

  @Test
  void setsAndRemovesValuesAtAPath() {
    Condition ann = eq(Json.text(DOCS.meta, "name"), "Ann");
    if (!writesSupported()) {
      refused(() -> db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, 1L, "age")).all().execute().block(T),
          "JSON path writes");
      refused(() -> db.update(DOCS).set(DOCS.meta, Json.remove(DOCS.meta, "age")).all().execute().block(T),
          "JSON path writes");
      return;
    }
    assertThat(db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, 42L, "age")).where(ann).execute().block(T)).isEqualTo(1L);
    db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, "Cusco", "address", "city")).where(ann).execute().block(T);
    db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, new BigDecimal("2.50"), "score")).where(ann).execute().block(T);
    db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, false, "active")).where(ann).execute().block(T);
    db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, new Address("Quito", "170"), "home")).where(ann).execute().block(T);
    db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, null, "tags")).where(ann).execute().block(T);
    db.update(DOCS).set(DOCS.meta, Json.set(DOCS.meta, "'; DROP TABLE json_docs; --", HOSTILE_KEY)).where(ann)
        .execute().block(T);
    db.update(DOCS).set(DOCS.raw, Json.set(DOCS.raw, "x\"y", "c")).where(ann).execute().block(T);
    db.update(DOCS).set(DOCS.raw, Json.remove(DOCS.raw, "b")).where(ann).execute().block(T);
    db.update(DOCS).set(DOCS.meta, Json.remove(DOCS.meta, "name", "missing")).where(ann).execute().block(T);
    List<String> rows = db.select(Json.integer(DOCS.meta, "age"), Json.text(DOCS.meta, "address", "city"),
            Json.number(DOCS.meta, "score"), Json.bool(DOCS.meta, "active"), Json.text(DOCS.meta, "home", "zip"),
            Json.text(DOCS.meta, HOSTILE_KEY), Json.text(DOCS.raw, "c"), Json.integer(DOCS.raw, "a"))
        .from(DOCS).where(ann)
        .fetch((age, city, score, active, zip, hostile, c, a) -> age + "|" + city + "|" + score + "|" + active + "|" + zip
            + "|" + hostile + "|" + c + "|" + a).collectList().block(T);
    assertThat(rows).containsExactly("42|Cusco|2.5|false|170|'; DROP TABLE json_docs; --|x\"y|1");
    assertThat(names(Json.hasPath(DOCS.meta, "tags"))).as("tags now holds a JSON null").containsExactly("Ann");
    assertThat(names(Json.hasPath(DOCS.raw, "b"))).isEmpty();
    assertThat(names(isNull(Json.text(DOCS.meta, "tags")))).contains("Ann");
    db.update(DOCS).set(DOCS.meta, Json.remove(DOCS.meta, "tags")).where(ann).execute().block(T);
    assertThat(names(Json.hasPath(DOCS.meta, "tags"))).isEmpty();
    assertThat(db.selectFrom(DOCS).count().block(T)).isEqualTo(3L);
  }

  @Test
  void aTypeMismatchNamesTheColumnAndPath() {
    if (!pathsSupported() || !mismatchNamesPath()) {
      return;
    }
    assertThatThrownBy(() -> db.select(Json.text(DOCS.meta, "name"), Json.integer(DOCS.meta, "score")).from(DOCS)
        .where(eq(Json.text(DOCS.meta, "name"), "Ann")).fetch((n, v) -> v).collectList().block(T))
        .isInstanceOfSatisfying(JsonTypeMismatchException.class, e -> {
          assertThat(e.path()).isEqualTo("$.\"score\"");
          assertThat(e.table()).isEqualTo("json_docs");
          assertThat(e.column()).isEqualTo("meta");
        })
        .hasMessageContaining("$.\"score\" of json_docs.meta is not an integer");
    assertThatThrownBy(() -> db.select(Json.bool(DOCS.meta, "age")).from(DOCS)
        .where(gt(Json.number(DOCS.meta, "score"), 0.0)).fetch(v -> v).collectList().block(T))
        .isInstanceOf(JsonTypeMismatchException.class).hasMessageContaining("$.\"age\"");
  }

  @Test
  void aHostileKeyIsData() {
    if (!pathsSupported()) {
      refused(() -> names(isNotNull(Json.text(DOCS.meta, HOSTILE_KEY))), "JSON path access");
      return;
    }
    assertThat(db.select(Json.text(DOCS.meta, HOSTILE_KEY)).from(DOCS).where(eq(Json.text(DOCS.meta, "name"), "Ann"))
        .fetch(v -> v).collectList().block(T)).containsExactly("kept");
    assertThat(db.selectFrom(DOCS).count().block(T)).isEqualTo(3L);
  }
}
