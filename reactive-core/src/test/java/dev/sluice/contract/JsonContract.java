package dev.sluice.contract;

import static dev.sluice.query.Dsl.*;
import static dev.sluice.testing.JsonDocs.DOCS;
import static dev.sluice.testing.JsonDocs.HOSTILE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.error.UnsupportedByDialectException;
import dev.sluice.query.Json;
import dev.sluice.schema.Table;
import dev.sluice.sql.Condition;
import dev.sluice.testing.JsonDocs.Doc;
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

  @Override protected Table<?>[] extraTables() { return new Table<?>[] {DOCS}; }

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
